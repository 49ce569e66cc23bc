package io.scimgate.app.auth;

import io.scimgate.app.config.GatewayConfig;
import io.scimgate.persistence.portal.PortalAccessRepository;
import io.scimgate.persistence.portal.PortalSession;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Portal browser sessions: a random id in an HttpOnly, SameSite=Strict cookie; only its SHA-256 is stored, and
 * every request reads the row, so revocation holds on every node at the next request.
 */
public final class PortalSessions {
  public static final String COOKIE = "scimgate_session";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PortalAccessRepository repository;
  private final GatewayConfig config;

  public PortalSessions(PortalAccessRepository repository, GatewayConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** 256 random bits, URL-safe: session ids and link codes. */
  public static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored instead of a session id or link code. */
  public static String hash(String secret) {
    return TokenService.fingerprint(secret);
  }

  /** The session of this request's cookie when it is still valid, else {@code null}. */
  public Future<PortalSession> current(String sessionId) {
    return repository.findActive(hash(sessionId), config.portal().sessionIdle());
  }

  /** The raw session id from the request's cookie, or {@code null}. */
  public static String cookieValue(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }

  /** Opens a session for {@code principal}'s scope and sets its cookie on the response. */
  public Future<Void> open(RoutingContext ctx, AdminPrincipal principal) {
    String id = randomSecret();
    PortalSession session = new PortalSession(principal.tenantId(), principal.subject(), null,
        Instant.now().plus(config.portal().sessionLifetime()));
    return repository.createSession(hash(id), session).onSuccess(done -> setCookie(ctx, id));
  }

  /** Sets the cookie of a session opened elsewhere (a redeemed portal link). */
  public void setCookie(RoutingContext ctx, String sessionId) {
    ctx.response().addCookie(cookie(sessionId).setMaxAge(config.portal().sessionLifetime().toSeconds()));
  }

  /** Ends the request's session, if any, and clears its cookie. */
  public Future<Void> close(RoutingContext ctx) {
    String id = cookieValue(ctx);
    ctx.response().addCookie(cookie("").setMaxAge(0));
    return id == null ? Future.succeededFuture() : repository.revoke(hash(id));
  }

  private Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(config.secureCookies());
  }
}
