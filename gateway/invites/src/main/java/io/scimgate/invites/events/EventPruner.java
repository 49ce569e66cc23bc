package io.scimgate.invites.events;

import io.scimgate.persistence.pipeline.ProcessedEventPrune;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes processed outbox events older than the retention, oldest first, in batches of {@value #BATCH}, each in
 * a short transaction ({@link ProcessedEventPrune}), so a prune never holds many locks or runs one long statement.
 * One node at a time: a batch runs only under a transaction-scoped advisory lock, and a node that does not get it
 * leaves the run to the one that has it. Pending events are never deleted.
 *
 * <p>Oldest first by {@code processed_at}, then position: the relay gives each batch one {@code processed_at},
 * later for later positions, so what is deleted is always a prefix of each tenant's positions, and the events
 * API can tell a cursor that fell behind it (410) from one that did not.
 */
public final class EventPruner {
  private static final Logger LOG = LoggerFactory.getLogger(EventPruner.class);
  static final int BATCH = 1000;
  /** A run deletes at most this many batches; whatever is left waits for the next run. */
  private static final int MAX_BATCHES = 200;

  private final Pool pool;
  private final EventRetention retention;
  private Future<Integer> running = Future.succeededFuture(0);

  public EventPruner(Pool pool, EventRetention retention) {
    this.pool = pool;
    this.retention = retention;
  }

  /** Starts a run unless one is still going (called from one Vert.x context only); the events it deleted. */
  public Future<Integer> prune() {
    if (!running.isComplete()) {
      return running;
    }
    running = inBatches(0, MAX_BATCHES)
        .onFailure(failure -> LOG.warn("Pruning old outbox events failed, retrying on the next run: {}",
            failure.getMessage()));
    return running;
  }

  /** Completes when the current run (if any) has finished. */
  public Future<Void> stop() {
    return running.<Void>mapEmpty().otherwiseEmpty();
  }

  private Future<Integer> inBatches(int deletedSoFar, int left) {
    return ProcessedEventPrune.deleteOldest(pool, retention.keep(), BATCH)
        .compose(deleted -> deleted < BATCH || left <= 1 ? Future.succeededFuture(deletedSoFar + deleted)
            : inBatches(deletedSoFar + deleted, left - 1));
  }
}
