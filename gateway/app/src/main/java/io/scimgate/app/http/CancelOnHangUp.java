package io.scimgate.app.http;

import io.scimgate.persistence.cancel.StatementScope;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives each request a {@link StatementScope} and cancels the request's running statements when its client goes
 * away before the answer: an IdP that timed out, or a portal tab closed during a slow search, stops costing the
 * database and its tenant's slot at once instead of at the statement timeout. Statements the request would still
 * start are refused.
 */
public final class CancelOnHangUp implements Handler<RoutingContext> {
  private CancelOnHangUp() {}

  public static CancelOnHangUp create() {
    return new CancelOnHangUp();
  }

  @Override
  public void handle(RoutingContext ctx) {
    Context context = ctx.vertx().getOrCreateContext();
    // only a request's own (duplicated) context: a scope on an event loop's root context would span every request
    if (context instanceof ContextInternal internal && internal.isDuplicate()) {
      StatementScope scope = StatementScope.open(context);
      ctx.addEndHandler(ended -> {
        if (ended.failed()) {
          scope.cancel();
        }
      });
    }
    ctx.next();
  }
}
