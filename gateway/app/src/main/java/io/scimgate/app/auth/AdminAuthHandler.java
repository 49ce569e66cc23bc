package io.scimgate.app.auth;

import io.scimgate.connectors.api.ScimException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Requires an admin JWT (see {@link TokenService#issueAdminToken}) on every {@code /admin} request. */
public final class AdminAuthHandler implements Handler<RoutingContext> {
  private static final String KEY = "adminSubject";

  private final TokenService tokens;

  private AdminAuthHandler(TokenService tokens) {
    this.tokens = tokens;
  }

  public static AdminAuthHandler create(TokenService tokens) {
    return new AdminAuthHandler(tokens);
  }

  /** {@code admin:<subject>}, for the audit log. */
  public static String actor(RoutingContext ctx) {
    return "admin:" + ctx.get(KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = BearerTokens.from(ctx);
    if (token == null) {
      ctx.fail(ScimException.of(401, null, "An admin bearer token is required (see: scimgate admin-token)"));
      return;
    }
    // the body handler runs after this one: keep the body until the token is verified
    ctx.request().pause();
    tokens.verifyAdmin(token)
        .recover(invalid -> Future.failedFuture(
            ScimException.of(401, null, "The admin token is invalid or expired")))
        .onSuccess(claims -> {
          ctx.put(KEY, claims.getString("sub", "unknown"));
          ctx.next();
        })
        .onFailure(failure -> {
          ctx.request().resume();
          ctx.fail(failure);
        });
  }
}
