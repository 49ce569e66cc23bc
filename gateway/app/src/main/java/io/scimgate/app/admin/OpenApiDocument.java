package io.scimgate.app.admin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /admin/v1/openapi.json}: the admin API's OpenAPI 3.1 document, a hand-written resource kept true by
 * {@code OpenApiContractTest}. Served without a credential: it is the contract, it holds no data. Read once per
 * router (one per event loop), asynchronously, on the first request.
 */
final class OpenApiDocument implements Handler<RoutingContext> {
  static final String RESOURCE = "admin-api/openapi.json";

  private Future<Buffer> document;

  @Override
  public void handle(RoutingContext ctx) {
    if (document == null || document.failed()) {
      document = ctx.vertx().fileSystem().readFile(RESOURCE);
    }
    document
        .onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("Cache-Control", "no-cache").end(json))
        .onFailure(ctx::fail);
  }
}
