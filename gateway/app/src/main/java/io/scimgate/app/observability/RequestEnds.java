package io.scimgate.app.observability;

import io.scimgate.app.auth.ScimAuthHandler;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place where the end of an HTTP request is observed: mounted on the main router right after the request
 * id, it notes the start and, when the request ends, describes it once ({@link FinishedRequest}) for its listeners
 * (metrics, the access log, the SCIM request log), in their order.
 */
public final class RequestEnds implements Handler<RoutingContext> {
  private final List<Consumer<FinishedRequest>> listeners;

  public RequestEnds(List<Consumer<FinishedRequest>> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    Instant startedAt = Instant.now();
    // Not ended.succeeded(): on an HTTP/2 stream the stream's close can be reported before the end of a response
    // that was sent in full; what counts is whether the response was sent.
    ctx.addEndHandler(ended -> finished(ctx, startedAt, System.nanoTime() - start));
    ctx.next();
  }

  private void finished(RoutingContext ctx, Instant startedAt, long durationNanos) {
    boolean answered = ctx.response().ended();
    int status = answered ? ctx.response().getStatusCode() : FinishedRequest.CLIENT_WENT_AWAY;
    FinishedRequest request = new FinishedRequest(ctx, startedAt, durationNanos, RouteTemplates.mountOf(ctx),
        RouteTemplates.of(ctx, status), status, answered, ScimAuthHandler.connection(ctx));
    for (Consumer<FinishedRequest> listener : listeners) {
      listener.accept(request);
    }
  }
}
