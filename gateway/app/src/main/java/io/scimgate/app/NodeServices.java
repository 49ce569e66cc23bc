package io.scimgate.app;

import io.scimgate.app.auth.ConnectionView;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.http.Health;
import io.scimgate.app.http.OpenConnections;
import io.scimgate.app.observability.Observability;
import io.scimgate.app.ratelimit.RateLimiter;
import io.scimgate.app.requestlog.RequestLogRecorder;
import io.scimgate.app.scim.TenantGate;
import io.vertx.sqlclient.Pool;

/**
 * What one node's HTTP server instances share (one per event loop, all thread-safe): the request pool, the token
 * keys, the connection view, the loaded connectors, readiness, the request log, the request budgets, the open
 * connection count, the per-tenant database gate and the metrics and access log.
 */
public record NodeServices(
    Pool pool,
    TokenService tokens,
    ConnectionView connectionView,
    ConnectorRegistry connectors,
    Health health,
    RequestLogRecorder requestLog,
    RateLimiter rateLimiter,
    OpenConnections openConnections,
    TenantGate tenantGate,
    Observability observability) {}
