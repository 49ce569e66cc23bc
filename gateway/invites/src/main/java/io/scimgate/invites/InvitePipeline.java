package io.scimgate.invites;

import io.scimgate.invites.delivery.DeliveryWorker;
import io.scimgate.invites.relay.OutboxRelay;
import io.scimgate.persistence.notify.ChangeListener;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Duration;

/**
 * The invite pipeline of one node: the outbox relay, woken by {@code NOTIFY scimgate_outbox} (sent when a
 * transaction that wrote events commits) and by a slow poll as a fallback, and the delivery worker, woken after
 * each relayed batch and by the same poll (which also picks up retries that came due). Every node runs one;
 * the relay's per-tenant locks and the deliveries' leases keep them from doing anything twice.
 */
public final class InvitePipeline extends VerticleBase {
  public static final String CHANNEL = "scimgate_outbox";

  private final OutboxRelay relay;
  private final DeliveryWorker worker;
  private final PgConnectOptions listenOptions;
  private final Duration poll;
  private Loop relayLoop;
  private Loop deliveryLoop;
  private ChangeListener listener;
  private long timer = -1;

  public InvitePipeline(Pool pool, DeliveryWorker worker, PgConnectOptions listenOptions, Duration poll) {
    this.relay = new OutboxRelay(pool);
    this.worker = worker;
    this.listenOptions = listenOptions;
    this.poll = poll;
  }

  @Override
  public Future<?> start() {
    deliveryLoop = new Loop("Delivery worker", worker::runOnce, () -> { });
    relayLoop = new Loop("Outbox relay", relay::drainOnce, deliveryLoop::kick);
    listener = new ChangeListener(vertx, listenOptions, CHANNEL, payload -> relayLoop.kick(), relayLoop::kick);
    return listener.start().onSuccess(listening -> {
      timer = vertx.setPeriodic(poll.toMillis(), id -> {
        relayLoop.kick();
        deliveryLoop.kick();
      });
      relayLoop.kick();
      deliveryLoop.kick();
    });
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.join(relayLoop.stop(), deliveryLoop.stop()).transform(done -> listener.close());
  }
}
