package io.scimgate.app.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP endpoint on 127.0.0.1 that records webhook calls and answers with a scripted status. */
public final class WebhookReceiver implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final HttpServer server;

  private WebhookReceiver() throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      calls.add(new Call(request.path(), Map.of(
          "event-id", String.valueOf(request.getHeader("Scimgate-Event-Id")),
          "timestamp", String.valueOf(request.getHeader("Scimgate-Timestamp")),
          "signature", String.valueOf(request.getHeader("Scimgate-Signature")),
          "user-agent", String.valueOf(request.getHeader("User-Agent"))), body.getBytes()));
      request.response().setStatusCode(status.get()).end();
    })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  public static WebhookReceiver start() throws Exception {
    return new WebhookReceiver();
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks/scimgate";
  }

  /** From now on, answer with this status. */
  public void answer(int httpStatus) {
    status.set(httpStatus);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** One request as received: path, the Scimgate headers, the raw body. */
  public record Call(String path, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
