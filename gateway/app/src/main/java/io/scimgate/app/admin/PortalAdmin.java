package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.auth.AdminAuthHandler;
import io.scimgate.app.auth.AdminPrincipal;
import io.scimgate.app.auth.PortalSessions;
import io.scimgate.app.auth.Scopes;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.app.portal.PortalLinks;
import io.scimgate.app.portal.PortalScreen;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.portal.PortalAccessRepository;
import io.scimgate.persistence.tenant.TenantRepository;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Arrays;

/**
 * Getting into the portal: who am I ({@code /session}), an operator's sign-in with a token, signing out, portal
 * links for a company admin, and ending a tenant's sessions.
 */
final class PortalAdmin {
  private final TenantRepository tenants;
  private final PortalAccessRepository access;
  private final PortalSessions sessions;
  private final PortalLinks links;
  private final TokenService tokens;
  private final GatewayConfig config;

  PortalAdmin(TenantRepository tenants, PortalAccessRepository access, PortalSessions sessions, PortalLinks links,
      TokenService tokens, GatewayConfig config) {
    this.tenants = tenants;
    this.access = access;
    this.sessions = sessions;
    this.links = links;
    this.tokens = tokens;
    this.config = config;
  }

  void mount(Router router) {
    router.get("/session").handler(async(this::whoAmI));
    router.delete("/session").handler(async(this::signOut));
    router.post("/portal-sessions").handler(async(this::signIn));
    router.post("/tenants/:tenantId/portal-links").handler(Scopes.operatorOnly()).handler(async(this::link));
    router.delete("/tenants/:tenantId/portal-sessions").handler(Scopes.operatorOnly()).handler(async(this::revoke));
  }

  /** The caller's scope, and for a portal session the CSRF token its changes must carry. */
  private Future<Void> whoAmI(RoutingContext ctx) {
    AdminPrincipal principal = AdminAuthHandler.principal(ctx);
    String sessionId = AdminAuthHandler.sessionId(ctx);
    ObjectNode body = ScimJson.object()
        .put("kind", principal instanceof AdminPrincipal.Operator ? "operator" : "tenant")
        .put("subject", principal.subject())
        .put("csrfToken", sessionId == null ? null : tokens.csrfToken(sessionId))
        .put("supportContact", config.portal().supportContact());
    if (principal.tenantId() == null) {
      return Responses.json(ctx, 200, body.putNull("tenantId").putNull("tenantName"));
    }
    return tenants.get(principal.tenantId()).compose(tenant -> Responses.json(ctx, 200,
        body.put("tenantId", principal.tenantId().toString()).put("tenantName", tenant == null ? null : tenant.name())));
  }

  /** A bearer-token caller opens a browser session of the same scope (the operator's portal sign-in). */
  private Future<Void> signIn(RoutingContext ctx) {
    if (AdminAuthHandler.sessionId(ctx) != null) {
      throw ScimException.of(400, null, "Sign in with an admin token in the Authorization header");
    }
    return sessions.open(ctx, AdminAuthHandler.principal(ctx)).compose(opened -> Responses.noContent(ctx));
  }

  private Future<Void> signOut(RoutingContext ctx) {
    return sessions.close(ctx).compose(closed -> Responses.noContent(ctx));
  }

  /** {@code {"screen": "scim", "ttlSeconds": 300, "subject": "jane@acme.example"}}, all optional. */
  private Future<Void> link(RoutingContext ctx) {
    JsonNode body = Params.jsonBodyOrEmpty(ctx);
    PortalScreen screen = screen(body);
    Duration ttl = ttl(body);
    String subject = body.hasNonNull("subject") ? AdminJson.requiredText(body, "subject", 200) : "company-admin";
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> links.issue(tenant.id(), screen, ttl, subject, InviteJson.audit(ctx, tenant.id())))
        .compose(issued -> Responses.json(ctx, 201, ScimJson.object().put("url", issued.url())
            .put("expiresAt", issued.expiresAt().toString()).put("screen", issued.screen().path())));
  }

  private Future<Void> revoke(RoutingContext ctx) {
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> access.revokeTenant(tenant.id(), InviteJson.audit(ctx, tenant.id())))
        .compose(revoked -> Responses.noContent(ctx));
  }

  private static PortalScreen screen(JsonNode body) {
    String path = body.path("screen").asText(PortalScreen.SCIM_SETTINGS.path());
    return PortalScreen.parse(path).orElseThrow(() -> ScimException.invalidValue("'screen' must be one of "
        + Arrays.stream(PortalScreen.values()).map(PortalScreen::path).toList()));
  }

  private static Duration ttl(JsonNode body) {
    JsonNode ttl = body.path("ttlSeconds");
    if (ttl.isMissingNode() || ttl.isNull()) {
      return PortalLinks.DEFAULT_TTL;
    }
    if (!ttl.isIntegralNumber() || ttl.asLong() < PortalLinks.MIN_TTL.toSeconds()
        || ttl.asLong() > PortalLinks.MAX_TTL.toSeconds()) {
      throw ScimException.invalidValue("'ttlSeconds' must be an integer from " + PortalLinks.MIN_TTL.toSeconds()
          + " to " + PortalLinks.MAX_TTL.toSeconds());
    }
    return Duration.ofSeconds(ttl.asLong());
  }
}
