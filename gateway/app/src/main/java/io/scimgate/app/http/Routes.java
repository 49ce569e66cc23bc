package io.scimgate.app.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Adapts future-returning endpoint methods to route handlers: any failure, thrown or returned, goes to ctx.fail. */
public final class Routes {
  private Routes() {}

  public static Handler<RoutingContext> async(Function<RoutingContext, Future<?>> endpoint) {
    return ctx -> {
      Future<?> result;
      try {
        result = endpoint.apply(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      result.onFailure(ctx::fail);
    };
  }
}
