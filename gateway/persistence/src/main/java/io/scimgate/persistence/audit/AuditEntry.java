package io.scimgate.persistence.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit log. */
public record AuditEntry(long id, UUID tenantId, UUID connectionId, String actor, String action,
    String resourceType, String resourceId, String requestId, Instant at) {}
