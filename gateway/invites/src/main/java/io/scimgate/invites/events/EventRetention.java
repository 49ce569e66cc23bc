package io.scimgate.invites.events;

import java.time.Duration;

/**
 * How long processed outbox events are kept (the events API's history), and how often a node looks for older ones.
 */
public record EventRetention(Duration keep, Duration pruneEvery) {}
