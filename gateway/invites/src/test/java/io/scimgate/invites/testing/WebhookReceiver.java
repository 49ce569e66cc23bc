package io.scimgate.invites.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on a free port of 127.0.0.1 that records every webhook call (path, headers, raw body) and
 * answers with the status the test set, after the delay the test set.
 */
public final class WebhookReceiver implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicLong delayMillis = new AtomicLong();

  private WebhookReceiver(Vertx vertx) throws Exception {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::receive).listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
  }

  public static WebhookReceiver start(Vertx vertx) throws Exception {
    return new WebhookReceiver(vertx);
  }

  /** The URL of {@code path} on this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** From now on, answer with {@code httpStatus}. */
  public void answer(int httpStatus) {
    status.set(httpStatus);
  }

  /** From now on, answer each call {@code delay} after its body arrived (so that sends overlap). */
  public void answerAfter(Duration delay) {
    delayMillis.set(delay.toMillis());
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  private void receive(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      calls.add(new Call(request.path(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
          body.getBytes()));
      int answer = status.get();
      long delay = delayMillis.get();
      if (delay > 0) {
        vertx.setTimer(delay, id -> request.response().setStatusCode(answer).end());
      } else {
        request.response().setStatusCode(answer).end();
      }
    });
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }

  /** One call as received. */
  public record Call(String path, MultiMap headers, byte[] body) {
    public String header(String name) {
      return headers.get(name);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
