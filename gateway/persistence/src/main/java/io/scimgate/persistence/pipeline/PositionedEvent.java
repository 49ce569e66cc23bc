package io.scimgate.persistence.pipeline;

/** A processed outbox event and the position the relay gave it (its place in its tenant's events). */
public record PositionedEvent(long position, OutboxEvent event) {}
