package io.scimgate.invites;

import io.scimgate.invites.delivery.DeliveryWorker;
import io.scimgate.invites.events.EventPruner;
import io.scimgate.invites.events.EventRetention;
import io.scimgate.invites.relay.OutboxRelay;
import io.scimgate.persistence.notify.ChangeListener;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Duration;

/**
 * The invite pipeline of one node: the outbox relay and the delivery worker. The relay is woken
 * <ul>
 *   <li>in-process, by a message on {@link #KICK_ADDRESS}, which the node's HTTP layer sends after each
 *   successful write: the node that made a change relays it at once (kicks coalesce into batches);</li>
 *   <li>by {@code NOTIFY scimgate_outbox}, for changes made elsewhere (an operator, another service); not from
 *   the write transactions themselves, because NOTIFY-ing commits are serialized by PostgreSQL (see V006);</li>
 *   <li>by a poll, the fallback that also lets other nodes take over the events of a node that died.</li>
 * </ul>
 * The delivery worker runs on an event loop of its own ({@link DeliveryVerticle}, deployed with the relay),
 * woken after each relayed batch and by its own poll (which also picks up retries that came due). Every node runs
 * one pipeline; per-tenant locks and delivery leases keep them from doing anything twice. The pipeline also
 * prunes processed events past their retention ({@link EventPruner}, one node at a time).
 */
public final class InvitePipeline extends VerticleBase {
  public static final String CHANNEL = "scimgate_outbox";
  /** Event-bus address (local to the node) that wakes the relay. */
  public static final String KICK_ADDRESS = "scimgate.outbox.kick";

  private final Pool pool;
  private final OutboxRelay relay;
  private final DeliveryWorker worker;
  private final PgConnectOptions listenOptions;
  private final Duration poll;
  private final EventPruner pruner;
  private final Duration pruneEvery;
  private Loop relayLoop;
  private ChangeListener listener;
  private long timer = -1;
  private long pruneTimer = -1;

  /**
   * {@code pool} is the pipeline's own (not the SCIM requests'); it is closed when the pipeline stops.
   * {@code observer} hears of every relayed event (the worker is given its own).
   */
  public InvitePipeline(Pool pool, DeliveryWorker worker, PgConnectOptions listenOptions, Duration poll,
      EventRetention retention, PipelineObserver observer) {
    this.pool = pool;
    this.relay = new OutboxRelay(pool, observer);
    this.worker = worker;
    this.listenOptions = listenOptions;
    this.poll = poll;
    this.pruner = new EventPruner(pool, retention);
    this.pruneEvery = retention.pruneEvery();
  }

  @Override
  public Future<?> start() {
    relayLoop = new Loop("Outbox relay", relay::drainOnce,
        () -> vertx.eventBus().send(DeliveryVerticle.KICK_ADDRESS, ""));
    listener = new ChangeListener(vertx, listenOptions, CHANNEL, payload -> relayLoop.kick(), relayLoop::kick);
    vertx.eventBus().localConsumer(KICK_ADDRESS, message -> relayLoop.kick());
    return listener.start()
        .compose(listening -> vertx.deployVerticle(new DeliveryVerticle(worker, poll)))
        .onSuccess(deployed -> {
          timer = vertx.setPeriodic(poll.toMillis(), id -> relayLoop.kick());
          pruneTimer = vertx.setPeriodic(pruneEvery.toMillis(), id -> pruner.prune());
          relayLoop.kick();
        });
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (pruneTimer >= 0) {
      vertx.cancelTimer(pruneTimer);
    }
    // the delivery verticle, a child deployment, is undeployed before this runs
    return relayLoop.stop()
        .transform(done -> pruner.stop())
        .transform(done -> listener.close())
        .transform(done -> pool.close());
  }
}
