package io.scimgate.persistence.audit;

import java.util.UUID;

/**
 * Who is writing, for the audit row that every write appends in its own transaction.
 *
 * @param connectionId the SCIM connection, or {@code null} for tenant-level admin actions
 * @param actor        {@code scim} for IdP pushes, {@code admin:<subject>} for the admin API
 * @param requestId    the HTTP request id (X-Request-Id), to correlate with logs
 */
public record AuditContext(UUID tenantId, UUID connectionId, String actor, String requestId) {}
