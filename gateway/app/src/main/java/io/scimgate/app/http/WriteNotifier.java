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
      // Not ended.succeeded(): the write committed whether or not its answer reached the client (an HTTP/2 stream's
      // close, as with the JDK client's h2c, can report a sent answer as failed); a needless kick costs nothing.
      ctx.addEndHandler(ended -> {
        if (ctx.response().getStatusCode() < 400) {
          vertx.eventBus().send(InvitePipeline.KICK_ADDRESS, "");
        }
      });
    }
    ctx.next();
  }
}
