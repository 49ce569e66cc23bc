package io.scimgate.app.ratelimit;

import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.observability.Rejections;
import io.scimgate.connectors.api.ScimException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a SCIM request over its connection's or tenant's budget with 429, {@code Retry-After} and a SCIM error
 * body (Entra backs off on exactly that; Okta retries). Runs after authentication, before the body is read: a
 * refused request costs no parsing and no database work.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {
  private final RateLimiter limiter;

  public RateLimitHandler(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void handle(RoutingContext ctx) {
    RateLimiter.Refusal refusal = limiter.admit(ScimAuthHandler.connection(ctx), System.nanoTime());
    if (refusal == null) {
      ctx.next();
      return;
    }
    long seconds = Math.max(1, (refusal.retryAfterNanos() + 999_999_999L) / 1_000_000_000L);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    Rejections.mark(ctx, refusal.scope().equals("tenant") ? Rejections.TENANT_BUDGET : Rejections.CONNECTION_BUDGET);
    ctx.fail(ScimException.of(429, null, "Too many requests for this " + refusal.scope() + " (at most "
        + refusal.requestsPerSecond() + " per second); retry after " + seconds + " s"));
  }
}
