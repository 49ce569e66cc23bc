package io.scimgate.persistence.requestlog;

import java.time.Instant;
import java.util.UUID;

/**
 * One SCIM request as the request log keeps it, before it is written. {@code authenticated} requests also
 * mark their connection as receiving (see {@link RequestLogRepository#append}); rejected tokens do not.
 */
public record LoggedRequest(UUID tenantId, UUID connectionId, Instant at, String method, String path, int status,
    String scimType, String detail, String requestId, boolean authenticated) {}
