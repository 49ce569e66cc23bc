package io.scimgate.invites.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.Delivery;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.scimgate.invites.PipelineObserver;
import io.scimgate.invites.PipelineObserver.DeliveryOutcome;
import io.scimgate.persistence.pipeline.DeliveryQueue;
import io.scimgate.persistence.pipeline.DueDelivery;
import io.scimgate.persistence.pipeline.Room;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
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
 *
 * <p>Sends are not batched: a claim starts its sends and returns, and each send frees its slot when its outcome is
 * recorded (and wakes the worker to claim more), so a slow receiver holds up only its own slots. At most
 * {@link #IN_FLIGHT_PER_ENDPOINT} webhooks per tenant (its one endpoint) are in flight on a node, and the claim
 * leaves out what would exceed that, so nothing waits here on its lease. Webhooks and the other channels have
 * separate limits, so that neither slow receivers nor a slow mail server take the other's slots. Measured
 * before: a batch waited for its slowest send, and one tenant's receiver that dripped its answer held every other
 * tenant's events for as long.
 */
public final class DeliveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  static final int BATCH = 32;
  /** Webhooks in flight per endpoint on this node: polite to a receiver, and the most a slow one can hold. */
  static final int IN_FLIGHT_PER_ENDPOINT = 4;
  /**
   * Webhooks in flight on this node: a slow receiver holds at most 4 of them (for one deadline), so it takes 64
   * tenants with dead receivers at once to delay the others.
   */
  static final int WEBHOOKS_IN_FLIGHT = 256;
  /**
   * Sends of the other channels (mail, plugins) in flight on this node: twice the SMTP pool, enough to keep its
   * connections busy while the worker claims more. Mails beyond the pool wait in the mail client on their lease,
   * and a deep queue lets leases run out (then another node sends the mail too). Measured: with 32 or 64 in
   * flight and a 3 s lease, the two-node crash test on two busy cores mailed 17 and 35 people twice; batches of
   * 32, which waited for their slowest send, once.
   */
  public static final int OTHERS_IN_FLIGHT = 2 * EmailChannel.POOL_SIZE;

  static final long SEND_TIMEOUT_SECONDS = 30;

  private final DeliveryQueue queue;
  private final Map<String, DeliveryChannel> channels;
  private final UnaryOperator<String> openSecret;
  private final RetryPolicy retry;
  private final PipelineObserver observer;
  private final InvitationLinks links;
  private final RandomGenerator random = RandomGenerator.getDefault();
  private final InFlight inFlight = new InFlight();
  private volatile Runnable wakeUp = () -> { };

  /**
   * @param openSecret turns a stored (sealed) webhook secret into the secret; called only to build a call
   * @param lease how long a claimed delivery belongs to this node (after a crash it is sent again then)
   * @param links puts the sign-up link into invitation mails as they are sent
   * @param observer hears of every outcome once it is recorded
   */
  public DeliveryWorker(Pool pool, Map<String, DeliveryChannel> channels, UnaryOperator<String> openSecret,
      RetryPolicy retry, Duration lease, InvitationLinks links, PipelineObserver observer) {
    this.queue = new DeliveryQueue(pool, lease);
    this.channels = Map.copyOf(channels);
    this.openSecret = openSecret;
    this.retry = retry;
    this.observer = observer;
    this.links = links;
  }

  /** What to call when a send has finished and its slot is free: the owner's loop claims more. */
  public void whenSlotFrees(Runnable wakeUp) {
    this.wakeUp = wakeUp;
  }

  /** Claims what there is room for and starts sending it; completes with how many were claimed, not sent. */
  public Future<Integer> runOnce() {
    Room room = inFlight.room(IN_FLIGHT_PER_ENDPOINT, WEBHOOKS_IN_FLIGHT, OTHERS_IN_FLIGHT);
    if (room.isEmpty()) {
      return Future.succeededFuture(0); // a finishing send wakes the loop
    }
    return queue.claim(BATCH, room).map(due -> {
      due.forEach(delivery -> inFlight.track(delivery, send(delivery), () -> wakeUp.run()));
      return due.size();
    });
  }

  /** Completes when every send started so far has recorded its outcome (for a clean stop). */
  public Future<Void> drained() {
    return inFlight.drained();
  }

  private Future<Void> send(DueDelivery due) {
    return attempt(due)
        .compose(done -> queue.sent(due).onSuccess(recorded -> observed(due, DeliveryOutcome.SENT, recorded)))
        .<Void>mapEmpty()
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
    ObjectNode stored = due.data() instanceof ObjectNode object ? object : ScimJson.object();
    return links.prepare(due, stored).compose(data -> {
      Delivery delivery = new Delivery(due.id(), due.channel(), due.eventType(), due.tenantId().toString(),
          due.tenantName(), due.occurredAt(), data, target, due.attempts());
      return Future.fromCompletionStage(channel.deliver(delivery)).timeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    });
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
      return queue.dead(due, error).onSuccess(recorded -> observed(due, DeliveryOutcome.DEAD, recorded)).mapEmpty();
    }
    LOG.debug("Delivery {} failed, retrying: {}", due, error);
    return queue.retryLater(due, retry.delayBefore(due.attempts() + 1, random), error)
        .onSuccess(recorded -> observed(due, DeliveryOutcome.RETRY, recorded)).mapEmpty();
  }

  /**
   * Only outcomes that were recorded are reported: one not recorded belonged to a claim whose lease ran out while
   * it was sending, and whatever the row's newer claim does is its outcome. Channels are named only if configured:
   * a row's channel column cannot make up label values.
   */
  private void observed(DueDelivery due, DeliveryOutcome outcome, boolean recorded) {
    if (!recorded) {
      LOG.info("Outcome {} of {} not recorded: its lease ran out and the delivery was claimed again", outcome, due);
      return;
    }
    observer.delivered(channels.containsKey(due.channel()) ? due.channel() : "unconfigured", due.eventType(),
        outcome);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.length() > 500 ? message.substring(0, 500) : message;
  }
}
