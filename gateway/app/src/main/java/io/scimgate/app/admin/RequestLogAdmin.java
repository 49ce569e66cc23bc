package io.scimgate.app.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.persistence.connection.ConnectionRepository;
import io.scimgate.persistence.requestlog.RequestLogEntry;
import io.scimgate.persistence.requestlog.RequestLogRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static io.scimgate.app.http.Routes.async;

/**
 * {@code /admin/v1/tenants/{tenantId}/connections/{connectionId}/requests}: the connection's recent SCIM
 * requests, newest first, rejected ones with the error the IdP got.
 */
final class RequestLogAdmin {
  private final ConnectionRepository connections;
  private final RequestLogRepository requestLog;
  private final AdminJson json;

  RequestLogAdmin(ConnectionRepository connections, RequestLogRepository requestLog, AdminJson json) {
    this.connections = connections;
    this.requestLog = requestLog;
    this.json = json;
  }

  void mount(Router router) {
    router.get("/tenants/:tenantId/connections/:connectionId/requests").handler(async(this::list));
  }

  /** Newest first; {@code before} is the {@code nextBefore} of the previous page. */
  private Future<Void> list(RoutingContext ctx) {
    int limit = Params.intQuery(ctx, "limit", 50, 1, 500);
    Long before = Params.longQuery(ctx, "before");
    return ConnectionAdmin.existing(connections, ctx)
        .compose(connection -> requestLog.list(connection.id(), before, limit))
        .compose(entries -> {
          ObjectNode body = AdminJson.items(entries, json::requestLogEntry);
          body.put("nextBefore", entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
          return Responses.json(ctx, 200, body);
        });
  }
}
