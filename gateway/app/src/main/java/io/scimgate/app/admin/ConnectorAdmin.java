package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.http.Responses;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /admin/v1/connectors}: the connectors this node loaded (id, name, version, provider, state, default
 * group prefix) and the plugins it refused, with the reason.
 */
final class ConnectorAdmin {
  private final ConnectorRegistry connectors;
  private final AdminJson json;

  ConnectorAdmin(ConnectorRegistry connectors, AdminJson json) {
    this.connectors = connectors;
    this.json = json;
  }

  void mount(Router router) {
    router.get("/connectors").handler(async(this::list));
  }

  private Future<Void> list(RoutingContext ctx) {
    ObjectNode body = ScimJson.object();
    ArrayNode loaded = body.putArray("connectors");
    connectors.loaded().forEach(connector -> loaded.add(json.loadedConnector(connector)));
    ArrayNode refused = body.putArray("refused");
    connectors.refused().forEach(plugin -> refused.add(json.refusedPlugin(plugin)));
    return Responses.json(ctx, 200, body);
  }
}
