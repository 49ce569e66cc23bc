package io.scimgate.persistence.requestlog;

import java.time.Instant;

/** One stored row of a connection's request log. */
public record RequestLogEntry(long id, Instant at, String method, String path, int status, String scimType,
    String detail, String requestId) {}
