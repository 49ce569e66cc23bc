package io.scimgate.scim.discovery;

/**
 * What the gateway supports today, as /ServiceProviderConfig advertises it (RFC 7643 §5). Stated honestly:
 * a client that reads {@code patch.supported: false} falls back to PUT.
 */
public record Capabilities(boolean patch, boolean bulk, int bulkMaxOperations, int bulkMaxPayloadSize,
    boolean filter, int filterMaxResults, int defaultPageSize, boolean changePassword, boolean sort, boolean etag) {}
