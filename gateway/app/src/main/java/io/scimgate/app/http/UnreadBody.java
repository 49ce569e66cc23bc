package io.scimgate.app.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * An answer given before the request body was read (413, 401, ...) would otherwise leave the rest of the body
 * unread and the connection wedged: a client that writes its whole body before reading blocks on a full socket,
 * and the next request on the connection is never parsed. So the answer says {@code Connection: close}, the rest
 * of the body is read and thrown away up to a bound, and then the connection closes. Draining (rather than
 * closing at once) lets a client that is still writing read its answer instead of a connection reset.
 */
public final class UnreadBody {
  /** Enough for a client that sends a few times the largest allowed body; past this, the client gets a reset. */
  static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;
  /** A client that drips the rest of its body is not waited for longer than this. */
  static final long DRAIN_MILLIS = 10_000;

  private UnreadBody() {}

  /** A declared body this small (and not itself refused as too large) is read and dropped; the connection stays. */
  static final long KEEP_ALIVE_DRAIN_BYTES = 64 * 1024;

  /**
   * Call before answering with {@code status}. A request with no body, or a small declared one (read and dropped),
   * keeps its connection: refusals that come in bursts (429, 401) must not cost a new connection each. Otherwise,
   * when the request still has body to come, the connection closes after the answer.
   */
  public static void closeAfterAnswer(RoutingContext ctx, int status) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded() || request.version() == HttpVersion.HTTP_2 || declaredLength(request) == 0) {
      return;
    }
    if (status != 413 && declaredLength(request) > 0 && declaredLength(request) <= KEEP_ALIVE_DRAIN_BYTES) {
      request.handler(chunk -> { });
      request.resume();
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    HttpConnection connection = request.connection();
    Promise<Void> answered = Promise.promise();
    ctx.addEndHandler(done -> answered.tryComplete());
    long deadline = ctx.vertx().setTimer(DRAIN_MILLIS, timer -> connection.close());
    Future.all(answered.future(), drain(request, connection))
        .onComplete(both -> {
          ctx.vertx().cancelTimer(deadline);
          connection.close();
        });
  }

  /** The declared body length: 0 for none (no Content-Length, not chunked), -1 when chunked or unreadable. */
  private static long declaredLength(HttpServerRequest request) {
    if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      return -1;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return 0;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Reads and discards the rest of the body; completes when it has ended. */
  private static Future<Void> drain(HttpServerRequest request, HttpConnection connection) {
    Promise<Void> ended = Promise.promise();
    long[] discarded = {0};
    request.handler(chunk -> {
      discarded[0] += chunk.length();
      if (discarded[0] > DRAIN_LIMIT_BYTES) {
        connection.close();
      }
    });
    request.exceptionHandler(failure -> ended.tryComplete());
    request.endHandler(end -> ended.tryComplete());
    request.resume();
    return ended.future();
  }
}
