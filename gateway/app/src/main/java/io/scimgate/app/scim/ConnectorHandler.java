package io.scimgate.app.scim;

import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.connectors.BoundConnector;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.connectors.ConnectorTimings;
import io.scimgate.app.connectors.LoadedConnector;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.connection.ScimConnection;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Binds the authenticated connection's connector (by its vendor) to the request. When this node has no such
 * connector (the plugin is missing or was refused), the IdP gets 503: its retry will find a healthy node, and
 * readiness already reports this one as not ready.
 */
final class ConnectorHandler implements Handler<RoutingContext> {
  static final String BOUND_CONNECTOR = "scimgate.connector";

  private final ConnectorRegistry connectors;
  private final ConnectorTimings timings;

  ConnectorHandler(ConnectorRegistry connectors, ConnectorTimings timings) {
    this.connectors = connectors;
    this.timings = timings;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ScimConnection connection = ScimAuthHandler.connection(ctx);
    LoadedConnector loaded = connectors.get(connection.vendor());
    if (loaded == null) {
      ctx.fail(ScimException.of(503, null, "The '" + connection.vendor() + "' connector of this connection is not "
          + "loaded on this gateway node; retry later"));
      return;
    }
    ConnectionSettings settings = new ConnectionSettings(connection.id().toString(), connection.groupPrefix(),
        connection.attributeMappings());
    ctx.put(BOUND_CONNECTOR, new BoundConnector(loaded.connector(), settings, timings));
    ctx.next();
  }
}
