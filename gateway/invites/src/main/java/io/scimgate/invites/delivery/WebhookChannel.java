package io.scimgate.invites.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.Delivery;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Webhook calls: {@code POST <url>} with {@code {"id", "type", "tenantId", "occurredAt", "data"}}, signed
 * ({@link WebhookSignature}) and identified ({@code Scimgate-Event-Id}, stable across retries: receivers
 * de-duplicate on it). 2xx is delivered; 408, 429, 5xx, timeouts and connection errors are retried; any other
 * 4xx (410 Gone included) dead-letters the delivery at once.
 */
public final class WebhookChannel implements DeliveryChannel {
  private static final int TIMEOUT_MS = 10_000;

  private final WebClient client;

  public WebhookChannel(Vertx vertx) {
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(TIMEOUT_MS)
        .setIdleTimeout(60).setUserAgent("scimgate-webhooks/1").setFollowRedirects(false),
        new PoolOptions().setHttp1MaxSize(16));
  }

  @Override
  public String id() {
    return "webhook";
  }

  @Override
  public CompletionStage<Void> deliver(Delivery delivery) {
    return send(delivery).toCompletionStage();
  }

  private Future<Void> send(Delivery delivery) {
    String url = delivery.target().get("url");
    String secret = delivery.target().get("secret");
    if (url == null || secret == null) {
      return Future.failedFuture(new PermanentDeliveryFailure("no webhook endpoint configured"));
    }
    byte[] body = body(delivery).getBytes(StandardCharsets.UTF_8);
    long timestamp = Instant.now().getEpochSecond();
    return client.postAbs(url).timeout(TIMEOUT_MS)
        .putHeader("Content-Type", "application/json")
        .putHeader("Scimgate-Event-Id", delivery.id())
        .putHeader("Scimgate-Timestamp", Long.toString(timestamp))
        .putHeader("Scimgate-Signature", WebhookSignature.sign(secret, timestamp, body))
        .sendBuffer(Buffer.buffer(body))
        .compose(WebhookChannel::outcome);
  }

  private static Future<Void> outcome(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Future.succeededFuture();
    }
    String failure = "the endpoint answered " + status;
    boolean retryable = status == 408 || status == 429 || status >= 500 || status / 100 == 3;
    return Future.failedFuture(retryable ? new IllegalStateException(failure) : new PermanentDeliveryFailure(failure));
  }

  static String body(Delivery delivery) {
    ObjectNode body = ScimJson.object().put("id", delivery.id()).put("type", delivery.eventType())
        .put("tenantId", delivery.tenantId()).put("occurredAt", String.valueOf(delivery.occurredAt()));
    body.set("data", delivery.data());
    return ScimJson.write(body);
  }

  public void close() {
    client.close();
  }
}
