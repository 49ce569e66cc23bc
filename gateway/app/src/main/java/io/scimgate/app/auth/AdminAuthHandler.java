package io.scimgate.app.auth;

import io.scimgate.app.config.GatewayConfig;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.portal.PortalSession;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;

/**
 * Authenticates every {@code /admin} request, from a bearer token (an admin JWT, operator-wide or limited to one
 * tenant by its {@code tid} claim) or else from a portal session cookie. A cookie is sent by the browser on its
 * own, so a cookie-authenticated change must also carry the session's CSRF token and come from this origin.
 */
public final class AdminAuthHandler implements Handler<RoutingContext> {
  private static final String PRINCIPAL = "adminPrincipal";
  private static final String SESSION_ID = "portalSessionId";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final TokenService tokens;
  private final PortalSessions sessions;
  private final GatewayConfig config;

  private AdminAuthHandler(TokenService tokens, PortalSessions sessions, GatewayConfig config) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.config = config;
  }

  public static AdminAuthHandler create(TokenService tokens, PortalSessions sessions, GatewayConfig config) {
    return new AdminAuthHandler(tokens, sessions, config);
  }

  public static AdminPrincipal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** The raw id of the portal session this request came with, or {@code null} for a bearer token. */
  public static String sessionId(RoutingContext ctx) {
    return ctx.get(SESSION_ID);
  }

  /** The audit actor: {@code admin:<subject>} for operators, {@code tenant-admin:<subject>} for company admins. */
  public static String actor(RoutingContext ctx) {
    return principal(ctx).actor();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = BearerTokens.from(ctx);
    String sessionId = token == null ? PortalSessions.cookieValue(ctx) : null;
    if (token == null && sessionId == null) {
      ctx.fail(ScimException.of(401, null,
          "An admin bearer token (see: scimgate admin-token) or a portal session is required"));
      return;
    }
    // the body handler runs after this one: keep the body until the caller is known
    ctx.request().pause();
    Future<AdminPrincipal> principal = token != null ? fromToken(token) : fromSession(ctx, sessionId);
    principal
        .onSuccess(caller -> {
          ctx.put(PRINCIPAL, caller);
          if (sessionId != null) {
            ctx.put(SESSION_ID, sessionId);
          }
          ctx.next();
        })
        .onFailure(failure -> {
          ctx.request().resume();
          ctx.fail(failure);
        });
  }

  private Future<AdminPrincipal> fromToken(String token) {
    return tokens.verifyAdmin(token)
        .recover(invalid -> Future.failedFuture(ScimException.of(401, null, "The admin token is invalid or expired")))
        .map(AdminAuthHandler::principalOf);
  }

  private static AdminPrincipal principalOf(JsonObject claims) {
    String subject = claims.getString("sub", "unknown");
    String tenant = claims.getString("tid");
    return tenant == null ? new AdminPrincipal.Operator(subject)
        : new AdminPrincipal.TenantAdmin(UUID.fromString(tenant), subject);
  }

  private Future<AdminPrincipal> fromSession(RoutingContext ctx, String sessionId) {
    if (!SAFE.contains(ctx.request().method())) {
      ScimException forged = CsrfCheck.refusal(ctx, tokens.csrfToken(sessionId), config.publicUrl());
      if (forged != null) {
        return Future.failedFuture(forged);
      }
    }
    return sessions.current(sessionId).map(session -> {
      if (session == null) {
        throw ScimException.of(401, null, "Your portal session has ended; open a new portal link");
      }
      return principalOf(session);
    });
  }

  private static AdminPrincipal principalOf(PortalSession session) {
    return session.tenantId() == null ? new AdminPrincipal.Operator(session.subject())
        : new AdminPrincipal.TenantAdmin(session.tenantId(), session.subject());
  }
}
