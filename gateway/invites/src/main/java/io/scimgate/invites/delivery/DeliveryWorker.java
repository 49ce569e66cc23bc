package io.scimgate.invites.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.Delivery;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries through their channels and records the outcome: sent; retried later with exponential
 * backoff and jitter; or dead-lettered (a permanent failure, or attempts exhausted) for an admin to replay.
 * Channels are asynchronous; a channel that does not answer within {@link #SEND_TIMEOUT_SECONDS} counts as a
 * failed attempt. SCIM requests never wait on any of this.
 */
public final class DeliveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  static final int BATCH = 32;
  static final long SEND_TIMEOUT_SECONDS = 30;

  private final DeliveryQueue queue;
  private final Map<String, DeliveryChannel> channels;
  private final UnaryOperator<String> openSecret;
  private final RetryPolicy retry;
  private final RandomGenerator random = RandomGenerator.getDefault();

  /**
   * @param openSecret turns a stored (sealed) webhook secret into the secret; called only to build a call
   * @param lease how long a claimed delivery belongs to this node (after a crash it is sent again then)
   */
  public DeliveryWorker(Pool pool, Map<String, DeliveryChannel> channels, UnaryOperator<String> openSecret,
      RetryPolicy retry, Duration lease) {
    this.queue = new DeliveryQueue(pool, lease);
    this.channels = Map.copyOf(channels);
    this.openSecret = openSecret;
    this.retry = retry;
  }

  /** Claims and sends one batch; completes with how many were claimed. */
  public Future<Integer> runOnce() {
    return queue.claim(BATCH).compose(due -> {
      List<Future<Void>> sends = new ArrayList<>(due.size());
      due.forEach(delivery -> sends.add(send(delivery)));
      return Future.join(sends).transform(done -> Future.succeededFuture(due.size()));
    });
  }

  private Future<Void> send(DueDelivery due) {
    return attempt(due)
        .compose(done -> queue.sent(due.id()))
        .recover(failure -> failed(due, failure))
        .onFailure(failure -> LOG.warn("Recording the outcome of {} failed: {}", due, failure.getMessage()));
  }

  private Future<Void> attempt(DueDelivery due) {
    DeliveryChannel channel = channels.get(due.channel());
    if (channel == null) {
      return Future.failedFuture("no '" + due.channel() + "' channel is configured on this node");
    }
    Map<String, String> target;
    try {
      target = target(due);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    ObjectNode data = due.data() instanceof ObjectNode object ? object : ScimJson.object();
    Delivery delivery = new Delivery(due.id(), due.channel(), due.eventType(), due.tenantId().toString(),
        due.tenantName(), due.occurredAt(), data, target, due.attempts());
    return Future.fromCompletionStage(channel.deliver(delivery)).timeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private Map<String, String> target(DueDelivery due) {
    return switch (due.channel()) {
      case "email" -> due.recipient() == null ? Map.of() : Map.of("to", due.recipient());
      case "webhook" -> {
        if (due.webhookUrl() == null) {
          throw new PermanentDeliveryFailure("the tenant has no enabled webhook endpoint");
        }
        yield Map.of("url", due.webhookUrl(), "secret", openSecret.apply(due.sealedSecret()));
      }
      default -> due.recipient() == null ? Map.of() : Map.of("to", due.recipient());
    };
  }

  private Future<Void> failed(DueDelivery due, Throwable failure) {
    String error = describe(failure);
    if (failure instanceof PermanentDeliveryFailure || retry.exhausted(due.attempts())) {
      LOG.warn("Delivery {} dead-lettered after {} attempt(s): {}", due, due.attempts(), error);
      return queue.dead(due.id(), error);
    }
    LOG.debug("Delivery {} failed, retrying: {}", due, error);
    return queue.retryLater(due.id(), retry.delayBefore(due.attempts() + 1, random), error);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.length() > 500 ? message.substring(0, 500) : message;
  }
}
