package io.scimgate.app.portal;

import io.scimgate.app.config.PortalConfig;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers of every portal page: a strict Content-Security-Policy (scripts and styles only from the gateway, no
 * inline code, so injected markup cannot run), no framing unless the operator allowed origins, no referrer (a
 * link's code is in its URL), no caching of pages that may show tokens.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  private final String policy;
  private final boolean framable;

  SecurityHeaders(PortalConfig config) {
    this.framable = config.frameAncestors() != null;
    this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors "
        + (framable ? config.frameAncestors() : "'none'");
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", policy)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Cache-Control", "no-store");
    if (!framable) {
      ctx.response().putHeader("X-Frame-Options", "DENY");
    }
    ctx.next();
  }
}
