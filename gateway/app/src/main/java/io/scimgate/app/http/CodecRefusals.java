package io.scimgate.app.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.resource.ScimMessages;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP codec could not parse (a header block or request line over the server's limits, a malformed
 * message) never reach the router; they get an RFC 7644 §3.12 error body like every other failure, and the
 * connection closes, since the rest of the stream cannot be trusted.
 */
public final class CodecRefusals implements Handler<HttpServerRequest> {
  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpHeaderException ? 431 : cause instanceof TooLongHttpLineException ? 414 : 400;
    String detail = switch (status) {
      case 431 -> "The request headers are larger than the server accepts";
      case 414 -> "The request line (method, URI and version) is longer than the server accepts";
      default -> "The request is not valid HTTP";
    };
    request.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, ScimMessages.CONTENT_TYPE + "; charset=utf-8")
        .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
        .end(ScimJson.write(ScimMessages.error(status, null, detail)))
        .onComplete(sent -> request.connection().close());
  }
}
