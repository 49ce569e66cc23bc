package io.scimgate.app.scim;

import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.connectors.BoundConnector;
import io.scimgate.app.http.RequestIds;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.connection.ScimConnection;
import io.vertx.ext.web.RoutingContext;

/** What every SCIM endpoint needs to know about the authenticated request. */
record ScimRequest(ScimConnection connection, String baseUrl, AuditContext audit, BoundConnector connector) {

  static ScimRequest of(RoutingContext ctx, GatewayConfig config) {
    ScimConnection connection = ScimAuthHandler.connection(ctx);
    return new ScimRequest(connection, config.scimBaseUrl(connection.id()),
        new AuditContext(connection.tenantId(), connection.id(), "scim", RequestIds.of(ctx)), connector(ctx));
  }

  /** The connection's connector, bound by {@link ConnectorHandler}. */
  static BoundConnector connector(RoutingContext ctx) {
    return ctx.get(ConnectorHandler.BOUND_CONNECTOR);
  }
}
