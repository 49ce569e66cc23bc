package io.scimgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.resource.ScimMessages;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON responses: SCIM ones as {@code application/scim+json}, admin ones as {@code application/json}. */
public final class Responses {
  private Responses() {}

  public static Future<Void> scim(RoutingContext ctx, int status, JsonNode body) {
    return send(ctx, status, ScimMessages.CONTENT_TYPE, body);
  }

  public static Future<Void> json(RoutingContext ctx, int status, JsonNode body) {
    return send(ctx, status, "application/json", body);
  }

  /**
   * Starts a SCIM answer whose body follows in pieces ({@code write}, then {@code end}): the headers of
   * {@link #scim}, with chunked transfer encoding in place of a length known up front.
   */
  public static HttpServerResponse scimStream(RoutingContext ctx, int status) {
    return head(ctx, status, ScimMessages.CONTENT_TYPE).setChunked(true);
  }

  public static Future<Void> noContent(RoutingContext ctx) {
    return ctx.response().setStatusCode(204).end();
  }

  private static Future<Void> send(RoutingContext ctx, int status, String contentType, JsonNode body) {
    return head(ctx, status, contentType).end(ScimJson.write(body));
  }

  private static HttpServerResponse head(RoutingContext ctx, int status, String contentType) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", contentType + "; charset=utf-8")
        .putHeader("Cache-Control", "no-store");
  }
}
