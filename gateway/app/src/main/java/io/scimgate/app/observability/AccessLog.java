package io.scimgate.app.observability;

import io.scimgate.app.http.Params;
import io.scimgate.app.http.RequestIds;
import io.scimgate.persistence.connection.ScimConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@value #LOGGER}, its fields as SLF4J key-value pairs (separate keys in JSON
 * logs, {@code key="value"} in text logs): request id, tenant, connection, method, route template, path, status,
 * duration, bytes in and out, user agent. Never the query string (a portal link's code, a filter's values), a
 * header but the user agent, or a body. Cheap on the event loop: the event carries the values, and logback's
 * async appender formats and writes the line on its own thread.
 */
final class AccessLog implements Consumer<FinishedRequest> {
  static final String LOGGER = "scimgate.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  static final int MAX_PATH = 300;
  static final int MAX_USER_AGENT = 200;

  @Override
  public void accept(FinishedRequest request) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    RoutingContext ctx = request.ctx();
    ScimConnection connection = request.connection();
    LOG.atInfo()
        .addKeyValue("request_id", RequestIds.of(ctx))
        .addKeyValue("tenant", connection != null ? connection.tenantId() : pathId(ctx, "tenantId"))
        .addKeyValue("connection", connection != null ? connection.id() : pathId(ctx, "connectionId"))
        .addKeyValue("method", ctx.request().method().name())
        .addKeyValue("route", request.route())
        .addKeyValue("path", LogText.safe(ctx.request().path(), MAX_PATH))
        .addKeyValue("status", request.status())
        .addKeyValue("duration_ms", Math.round(request.durationNanos() / 1_000.0) / 1_000.0)
        .addKeyValue("bytes_in", ctx.request().bytesRead())
        .addKeyValue("bytes_out", ctx.response().bytesWritten())
        .addKeyValue("user_agent", LogText.safe(ctx.request().getHeader("User-Agent"), MAX_USER_AGENT))
        .log("request");
  }

  /** The path's id (an admin route's tenant, a refused SCIM request's connection) if it is one; else {@code -}. */
  private static Object pathId(RoutingContext ctx, String name) {
    if (ctx.pathParam(name) == null) { // most requests: no exception thrown and caught per request
      return "-";
    }
    UUID id = Params.uuidOrNull(ctx, name);
    return id == null ? "-" : id;
  }
}
