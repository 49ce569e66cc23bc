package io.scimgate.app.auth;

import io.scimgate.connectors.api.ScimException;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery defence for cookie-authenticated changes: the request must name the session's CSRF
 * token in {@value AdminAuthHandler#CSRF_HEADER} (a page of another site cannot read it) and, when the browser
 * says where it comes from ({@code Origin}), come from the gateway's own origin.
 */
final class CsrfCheck {
  private CsrfCheck() {}

  /** {@code null} when the request passes, else the 403 to answer. */
  static ScimException refusal(RoutingContext ctx, String expectedToken, String publicUrl) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !origin.equals(origin(publicUrl)) && !origin.equals(requestOrigin(ctx))) {
      return ScimException.of(403, null, "Cross-origin request refused (Origin " + origin + ")");
    }
    String token = ctx.request().getHeader(AdminAuthHandler.CSRF_HEADER);
    if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
        expectedToken.getBytes(StandardCharsets.UTF_8))) {
      return ScimException.of(403, null, "A portal change needs the session's " + AdminAuthHandler.CSRF_HEADER
          + " header (GET /admin/v1/session gives it)");
    }
    return null;
  }

  /** scheme://host[:port] of a URL, as browsers write Origin. */
  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String requestOrigin(RoutingContext ctx) {
    var authority = ctx.request().authority();
    return authority == null ? null : ctx.request().scheme() + "://" + authority.host()
        + (authority.port() >= 0 ? ":" + authority.port() : "");
  }
}
