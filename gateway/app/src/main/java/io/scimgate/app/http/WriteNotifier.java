package io.scimgate.app.http;

import io.scimgate.invites.InvitePipeline;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * After every successful write (any method but GET, HEAD and OPTIONS, answered below 400), wakes this node's
 * invite relay: the outbox rows the write's transaction committed are relayed within milliseconds, without a
 * NOTIFY in the write itself. Reads never wake anything.
 */
public final class WriteNotifier implements Handler<RoutingContext> {
  private final Vertx vertx;

  private WriteNotifier(Vertx vertx) {
    this.vertx = vertx;
  }

  public static WriteNotifier create(Vertx vertx) {
    return new WriteNotifier(vertx);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
      ctx.addEndHandler(ended -> {
        if (ended.succeeded() && ctx.response().getStatusCode() < 400) {
          vertx.eventBus().send(InvitePipeline.KICK_ADDRESS, "");
        }
      });
    }
    ctx.next();
  }
}
