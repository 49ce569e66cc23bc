package io.scimgate.app.scim;

import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.connectors.ConnectionDialect;
import io.scimgate.app.http.RequestIds;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.connection.ScimConnection;
import io.vertx.ext.web.RoutingContext;

/** What every SCIM endpoint needs to know about the authenticated request. */
record ScimRequest(ScimConnection connection, String baseUrl, AuditContext audit, ConnectionDialect dialect) {

  static ScimRequest of(RoutingContext ctx, GatewayConfig config) {
    ScimConnection connection = ScimAuthHandler.connection(ctx);
    return new ScimRequest(connection, config.scimBaseUrl(connection.id()),
        new AuditContext(connection.tenantId(), connection.id(), "scim", RequestIds.of(ctx)), dialect(ctx));
  }

  /** The connection's connector, bound by {@link DialectHandler}. */
  static ConnectionDialect dialect(RoutingContext ctx) {
    return ctx.get(DialectHandler.DIALECT);
  }
}
