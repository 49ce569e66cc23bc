package io.scimgate.app.ratelimit;

import io.scimgate.persistence.cluster.NodeRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many gateway nodes share the traffic, from heartbeats in PostgreSQL: every few seconds each node records
 * itself and counts the nodes seen recently. A failed heartbeat keeps the last count.
 */
public final class ClusterSize implements IntSupplier {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSize.class);
  static final Duration HEARTBEAT = Duration.ofSeconds(5);
  static final Duration WINDOW = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final NodeRegistry nodes;
  private volatile int live = 1;
  private long timer = -1;

  public ClusterSize(Vertx vertx, NodeRegistry nodes) {
    this.vertx = vertx;
    this.nodes = nodes;
  }

  public Future<Void> start() {
    return beat().onComplete(done -> timer = vertx.setPeriodic(HEARTBEAT.toMillis(), id -> beat()));
  }

  private Future<Void> beat() {
    return nodes.heartbeat(WINDOW)
        .onSuccess(count -> live = count)
        .onFailure(failure -> LOG.warn("Node heartbeat failed (keeping {} live nodes): {}", live, failure.getMessage()))
        .<Void>mapEmpty()
        .recover(ignored -> Future.succeededFuture());
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return nodes.leave().recover(ignored -> Future.succeededFuture());
  }

  @Override
  public int getAsInt() {
    return live;
  }
}
