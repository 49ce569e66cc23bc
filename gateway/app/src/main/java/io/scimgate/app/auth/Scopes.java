package io.scimgate.app.auth;

import io.scimgate.app.http.Params;
import io.scimgate.connectors.api.ScimException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * What each admin route lets a caller see. Mounted on every {@code /tenants/{tenantId}} path, so endpoints below
 * it never see a foreign tenant's id; operator-only routes add {@link #operatorOnly()}.
 */
public final class Scopes {
  private Scopes() {}

  /** A tenant admin naming another tenant gets the same 404 as for a tenant that does not exist. */
  public static Handler<RoutingContext> tenantPath() {
    return ctx -> {
      if (!AdminAuthHandler.principal(ctx).mayAccess(Params.uuidOrNull(ctx, "tenantId"))) {
        ctx.fail(ScimException.notFound("Tenant '" + ctx.pathParam("tenantId") + "' not found"));
        return;
      }
      ctx.next();
    };
  }

  /** Routes only the product's staff may call: creating tenants, the SCIM switch, portal links. */
  public static Handler<RoutingContext> operatorOnly() {
    return ctx -> {
      if (!(AdminAuthHandler.principal(ctx) instanceof AdminPrincipal.Operator)) {
        ctx.fail(ScimException.of(403, null, "Only an operator may do this"));
        return;
      }
      ctx.next();
    };
  }

}
