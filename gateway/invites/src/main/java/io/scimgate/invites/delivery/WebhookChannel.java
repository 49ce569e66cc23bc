package io.scimgate.invites.delivery;

import io.scimgate.connectors.api.Delivery;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.scimgate.invites.egress.EgressPolicy;
import io.scimgate.invites.egress.EgressRefusal;
import io.scimgate.invites.egress.WebhookUrl;
import io.scimgate.invites.relay.PublicEvent;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook calls: {@code POST <url>} with {@code {"id", "type", "tenantId", "occurredAt", "data"}}, signed
 * ({@link WebhookSignature}) and identified ({@code Scimgate-Event-Id}, stable across retries: receivers
 * de-duplicate on it). 2xx is delivered; 408, 429, 5xx, timeouts and connection errors are retried; any other
 * 4xx (410 Gone included) dead-letters the delivery at once. The wire is {@link WebhookPost}'s: egress rules,
 * deadline, bounded answers.
 *
 * <p>A failure's message becomes the delivery's {@code lastError}, which the tenant reads: it says what went wrong
 * in the tenant's terms and no more. Refused, reset, unreachable and silent all read the same, or the error would
 * tell a tenant which ports of which hosts are open (a port scanner with extra steps).
 */
public final class WebhookChannel implements DeliveryChannel {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);
  static final String NOT_ALLOWED = "the receiver's address is not allowed";

  private final EgressPolicy policy;
  private final WebhookPost post;

  public WebhookChannel(Vertx vertx, EgressPolicy policy) {
    this.policy = policy;
    this.post = new WebhookPost(vertx, policy);
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
    WebhookUrl target;
    try {
      target = policy.parse(url);
    } catch (EgressRefusal refusal) {
      return Future.failedFuture(new PermanentDeliveryFailure("the webhook URL is not allowed: "
          + refusal.getMessage()));
    }
    byte[] body = body(delivery).getBytes(StandardCharsets.UTF_8);
    return post.send(target, headers(delivery, secret, body), Buffer.buffer(body))
        .recover(failure -> Future.failedFuture(inTenantTerms(target, failure)))
        .compose(WebhookChannel::outcome);
  }

  private static MultiMap headers(Delivery delivery, String secret, byte[] body) {
    long timestamp = Instant.now().getEpochSecond();
    return MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")
        .add("User-Agent", "scimgate-webhooks/1")
        .add("Scimgate-Event-Id", delivery.id())
        .add("Scimgate-Timestamp", Long.toString(timestamp))
        .add("Scimgate-Signature", WebhookSignature.sign(secret, timestamp, body));
  }

  private Throwable inTenantTerms(WebhookUrl target, Throwable failure) {
    if (failure instanceof EgressRefusal refusal) {
      LOG.info("Webhook to {} refused at connect time: {}", target, refusal.getMessage());
      return new RetryableDeliveryFailure(NOT_ALLOWED); // DNS may point elsewhere again later
    }
    LOG.debug("Webhook to {} failed: {}", target, String.valueOf(failure));
    return new RetryableDeliveryFailure(unreachable());
  }

  private String unreachable() {
    return "could not reach the receiver (no connection, or no complete answer within "
        + policy.settings().timeout().toSeconds() + " s)";
  }

  private static Future<Void> outcome(int status) {
    if (status / 100 == 2) {
      return Future.succeededFuture();
    }
    String failure = "the receiver answered " + status;
    boolean retryable = status == 408 || status == 429 || status >= 500 || status / 100 == 3;
    return Future.failedFuture(retryable ? new RetryableDeliveryFailure(failure)
        : new PermanentDeliveryFailure(failure));
  }

  static String body(Delivery delivery) {
    return ScimJson.write(PublicEvent.envelope(delivery.id(), delivery.eventType(), delivery.tenantId(),
        delivery.occurredAt(), delivery.data()));
  }

  public Future<Void> close() {
    return post.close();
  }
}
