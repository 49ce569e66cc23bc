package io.scimgate.app.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /metrics} in Prometheus's text format, on a port of its own ({@code SCIMGATE_METRICS_PORT}): no
 * credential, as Prometheus scrapes expect, so that port belongs on the internal network only, never behind the
 * public load balancer. It shows no tenant ids unless per-tenant metrics are turned on, and never a path, token
 * or payload. The text is rendered on a worker thread: a registry with many series takes milliseconds.
 */
final class MetricsServer {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  MetricsServer(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  Future<Integer> start(Vertx vertx, String host, int port) {
    return vertx.createHttpServer().requestHandler(request -> answer(vertx, request)).listen(port, host)
        .map(listening -> {
          server = listening;
          return listening.actualPort();
        });
  }

  Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void answer(Vertx vertx, HttpServerRequest request) {
    if (!request.path().equals("/metrics")) {
      request.response().setStatusCode(404).end("Not found: the metrics are at /metrics\n");
      return;
    }
    if (request.method() != HttpMethod.GET) {
      request.response().setStatusCode(405).putHeader("Allow", "GET").end();
      return;
    }
    vertx.executeBlocking(registry::scrape, false)
        .onSuccess(text -> request.response().putHeader("Content-Type", CONTENT_TYPE).end(text))
        .onFailure(failure -> request.response().setStatusCode(500).end(String.valueOf(failure.getMessage())));
  }
}
