package io.scimgate.persistence.pipeline;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * One batch of the retention prune of {@code outbox_events}: processed events older than the retention, oldest first
 * by {@code processed_at}, then position, in a short transaction of its own. The relay gives each batch one
 * {@code processed_at}, later for later positions, so what is deleted is always a prefix of each tenant's positions.
 * One node at a time: the batch runs only under a transaction-scoped advisory lock, and a node that does not get it
 * deletes nothing. Pending events are never deleted.
 */
public final class ProcessedEventPrune {
  /** Advisory lock of the prune (the relay's namespace is 7644, see {@link PendingEvents}). */
  private static final int LOCK_SPACE = 7645;

  private static final String DELETE_BATCH = "DELETE FROM outbox_events WHERE id IN (SELECT id FROM outbox_events"
      + " WHERE processed_at < now() - $1::bigint * interval '1 second' ORDER BY processed_at, position LIMIT $2)";

  private ProcessedEventPrune() {}

  /** Deletes up to {@code limit} events processed more than {@code keep} ago; 0 when another node holds the lock. */
  public static Future<Integer> deleteOldest(Pool pool, Duration keep, int limit) {
    return pool.withTransaction(conn -> conn
        .query("SELECT pg_try_advisory_xact_lock(" + LOCK_SPACE + ", 0) AS mine").execute()
        .compose(lock -> !lock.iterator().next().getBoolean("mine") ? Future.succeededFuture(0)
            : conn.preparedQuery(DELETE_BATCH)
                .execute(Tuple.of(keep.toSeconds(), (long) limit))
                .map(RowSet::rowCount)));
  }
}
