package io.scimgate.app.observability;

import io.scimgate.persistence.connection.ScimConnection;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * A request that has ended, described once for everything that records it (metrics, access log, SCIM request
 * log).
 *
 * @param ctx the request's (top-level) routing context, for what a listener reads itself
 * @param startedAt when the gateway's router saw it
 * @param durationNanos until its response was sent (or the client went away)
 * @param mount the innermost sub-router it entered ({@code /scim/v2/{connectionId}}, {@code /admin/v1}, or {@code ""})
 * @param route its route template (see {@link RouteTemplates})
 * @param answered whether a response was sent; else the client went away first and {@code status} is 499
 * @param connection the authenticated SCIM connection, or null
 */
public record FinishedRequest(RoutingContext ctx, Instant startedAt, long durationNanos, String mount, String route,
    int status, boolean answered, ScimConnection connection) {

  /** nginx's code for a request whose client closed the connection before the answer. */
  static final int CLIENT_WENT_AWAY = 499;
}
