package io.scimgate.persistence.pipeline;

import java.time.Instant;

/** One status change of a person, and why (e.g. "invitation accepted"). */
public record PersonnelHistoryEntry(Instant at, String status, String reason) {}
