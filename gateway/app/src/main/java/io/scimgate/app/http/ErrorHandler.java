package io.scimgate.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.resource.ScimMessages;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a clear error body: RFC 7644 §3.12 under {@code /scim}, a small JSON object under
 * {@code /admin}. Expected failures (bad input, auth) are not logged as errors; unexpected ones are logged
 * with the request id and answered 500 without internals.
 */
public final class ErrorHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
  private static final String RENDERED = "scimgate.renderedError";

  public static ErrorHandler create() {
    return new ErrorHandler();
  }

  /** The error this request was answered with (status, scimType, detail as the client got them), or null. */
  public static ScimException rendered(RoutingContext ctx) {
    return ctx.get(RENDERED);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (clientWentAway(ctx)) {
      // routine (a client timed out or gave up mid-upload): nobody to answer, nothing to investigate
      LOG.debug("Client went away during {} {} (request {})", ctx.request().method(), ctx.normalizedPath(),
          RequestIds.of(ctx));
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ScimException error = toScimError(ctx);
    ctx.put(RENDERED, error);
    UnreadBody.closeAfterAnswer(ctx, error.status());
    if (error.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"scimgate\", error=\"invalid_token\"");
    }
    // a refusal that knows when to come back (a request budget) has said so already
    if ((error.status() == 503 || error.status() == 429) && !ctx.response().headers().contains("Retry-After")) {
      ctx.response().putHeader("Retry-After", Integer.toString(TransientFailures.RETRY_AFTER_SECONDS));
    }
    if (ctx.normalizedPath().startsWith("/scim/")) {
      Responses.scim(ctx, error.status(), ScimMessages.error(error));
    } else {
      ObjectNode body = ScimJson.object().put("status", error.status())
          .put("error", error.scimType() == null ? reason(error.status()) : error.scimType())
          .put("detail", error.detail());
      Responses.json(ctx, error.status(), body);
    }
  }

  private static boolean clientWentAway(RoutingContext ctx) {
    return ctx.failure() instanceof HttpClosedException || ctx.response().closed();
  }

  private static ScimException toScimError(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ScimException scim) {
      return scim;
    }
    if (TransientFailures.isTransient(failure)) {
      // expected under load or during a database restart: one line, no trace
      LOG.warn("Database unavailable on {} {} (request {}): {}", ctx.request().method(), ctx.normalizedPath(),
          RequestIds.of(ctx), failure.toString());
      return ScimException.of(503, null, "The service is briefly unavailable; retry after "
          + TransientFailures.RETRY_AFTER_SECONDS + " seconds (request " + RequestIds.of(ctx) + ")");
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    if (failure != null && !(failure instanceof HttpException)) {
      LOG.error("Unexpected failure on {} {} (request {})", ctx.request().method(), ctx.normalizedPath(),
          RequestIds.of(ctx), failure);
      status = 500;
    }
    return ScimException.of(status < 400 ? 500 : status, null, describe(status < 400 ? 500 : status, ctx));
  }

  private static String describe(int status, RoutingContext ctx) {
    return switch (status) {
      case 400 -> "The request is malformed";
      case 401 -> "Authentication is required";
      case 404 -> "No resource or endpoint at " + ctx.normalizedPath();
      case 405 -> "Method " + ctx.request().method() + " is not allowed on " + ctx.normalizedPath();
      case 413 -> "The request body is larger than the configured limit";
      case 415 -> "Unsupported content type; send application/scim+json or application/json";
      default -> status >= 500 ? "Internal error; quote request id " + RequestIds.of(ctx) + " to support"
          : reason(status);
    };
  }

  private static String reason(int status) {
    return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
