package io.scimgate.invites;

import io.scimgate.invites.delivery.DeliveryWorker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;

/**
 * The delivery worker on an event loop of its own, woken by the relay after each batch
 * ({@link #KICK_ADDRESS}), by each send that frees its slot, and by a poll that also picks up retries that came
 * due. Measured: sharing the relay's
 * event loop under a push of about 200 users/s, mails went out at about 50/s while the relay ran back to back.
 */
final class DeliveryVerticle extends VerticleBase {
  /** Event-bus address (local to the node) that wakes the delivery worker. */
  static final String KICK_ADDRESS = "scimgate.deliveries.kick";

  private final DeliveryWorker worker;
  private final Duration poll;
  private Loop loop;
  private long timer = -1;

  DeliveryVerticle(DeliveryWorker worker, Duration poll) {
    this.worker = worker;
    this.poll = poll;
  }

  @Override
  public Future<?> start() {
    loop = new Loop("Delivery worker", worker::runOnce, () -> { });
    Context context = vertx.getOrCreateContext();
    worker.whenSlotFrees(() -> context.runOnContext(v -> loop.kick())); // the loop lives on this context
    vertx.eventBus().localConsumer(KICK_ADDRESS, message -> loop.kick());
    timer = vertx.setPeriodic(poll.toMillis(), id -> loop.kick());
    loop.kick();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return loop.stop().compose(stopped -> worker.drained()); // outcomes recorded before the pool closes
  }
}
