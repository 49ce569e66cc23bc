package io.scimgate.app.config;

import io.scimgate.persistence.connection.RateLimit;

/**
 * Default request budgets of the SCIM API, for the whole cluster (each node takes its share).
 *
 * @param connection every connection's budget unless the connection sets its own; {@code null}: unlimited
 * @param tenant     all of a tenant's connections together, so one tenant cannot starve others; {@code null}:
 *                   unlimited
 */
public record RateLimitConfig(RateLimit connection, RateLimit tenant) {}
