package io.scimgate.app.requestlog;

import io.scimgate.app.auth.ConnectionView;
import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.http.ErrorHandler;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.RequestIds;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.connection.ScimConnection;
import io.scimgate.persistence.requestlog.LoggedRequest;
import io.scimgate.app.observability.FinishedRequest;
import io.scimgate.app.scim.ScimApi;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Told of every request's end ({@link io.scimgate.app.observability.RequestEnds}, first of its listeners): once a
 * SCIM request's response has been sent, hands its log entry to the {@link RequestLogRecorder}. Recorded: every authenticated request, with its final status and, for errors,
 * the {@code scimType} and {@code detail} the IdP got; and requests refused before authentication (bad token,
 * SCIM off) only when their path names a connection this node knows, so that an IdP with a wrong token shows
 * up in its connection's log while made-up ids cannot create rows. Budget refusals (429) are sampled, at most one
 * row per connection and second (see {@link RefusalSampler}). Never recorded: bodies, headers, tokens.
 */
public final class RequestLogHandler implements Consumer<FinishedRequest> {
  static final int MAX_DETAIL = 500;

  private final RequestLogRecorder recorder;
  private final ConnectionView connectionView;
  private final RefusalSampler refusals = new RefusalSampler();

  private RequestLogHandler(RequestLogRecorder recorder, ConnectionView connectionView) {
    this.recorder = recorder;
    this.connectionView = connectionView;
  }

  public static RequestLogHandler create(RequestLogRecorder recorder, ConnectionView connectionView) {
    return new RequestLogHandler(recorder, connectionView);
  }

  @Override
  public void accept(FinishedRequest request) {
    if (!request.answered() || !request.mount().equals(ScimApi.MOUNT)) {
      return;
    }
    RoutingContext ctx = request.ctx();
    record(ctx, request.startedAt(),
        LoggedPaths.of(ctx.request().path(), ctx.request().query(), ctx.pathParam("connectionId")));
  }

  private void record(RoutingContext ctx, Instant at, String path) {
    ScimConnection authenticated = ScimAuthHandler.connection(ctx);
    ScimConnection connection = authenticated != null ? authenticated : known(ctx);
    if (connection == null) {
      return;
    }
    ScimException error = ErrorHandler.rendered(ctx);
    String detail = error == null ? null : error.detail();
    if (ctx.response().getStatusCode() == 429) {
      long heldBack = refusals.admit(connection.id(), System.nanoTime());
      if (heldBack < 0) {
        return;
      }
      detail = heldBack == 0 ? detail : detail + " (" + heldBack + " more refused since the previous entry)";
    }
    recorder.record(new LoggedRequest(connection.tenantId(), connection.id(), at, ctx.request().method().name(),
        path, ctx.response().getStatusCode(), error == null ? null : error.scimType(),
        detail == null ? null : LoggedPaths.truncate(detail, MAX_DETAIL), RequestIds.of(ctx),
        authenticated != null));
  }

  private ScimConnection known(RoutingContext ctx) {
    UUID id = Params.uuidOrNull(ctx, "connectionId");
    return id == null ? null : connectionView.get(id);
  }
}
