package io.scimgate.persistence.pipeline;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The invite pipeline's backlog as the database holds it, for the whole cluster (every node reads the same
 * values): pending outbox events and the age of the oldest (relay lag), due deliveries and the age of the oldest.
 *
 * @param outboxPending           outbox events not relayed yet, counted up to the cap
 * @param outboxOldestSeconds     age of the oldest of them; 0 when there is none
 * @param deliveriesDue           deliveries due or being sent, counted up to the cap
 * @param deliveriesOldestSeconds how long the oldest of them has been due; 0 when there is none
 */
public record PipelineBacklog(long outboxPending, double outboxOldestSeconds, long deliveriesDue,
    double deliveriesOldestSeconds) {
  private static final String SAMPLE = "SELECT"
      + " (SELECT count(*) FROM (SELECT 1 FROM outbox_events WHERE processed_at IS NULL LIMIT $1) p) AS outbox_pending,"
      + " (SELECT extract(epoch FROM clock_timestamp() - created_at)::float8 FROM outbox_events"
      + " WHERE id = (SELECT min(id) FROM outbox_events WHERE processed_at IS NULL)) AS outbox_oldest,"
      + " (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE status IN ('pending', 'sending')"
      + " AND next_attempt_at <= now() LIMIT $1) d) AS deliveries_due,"
      + " (SELECT extract(epoch FROM clock_timestamp() - min(next_attempt_at))::float8 FROM deliveries"
      + " WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()) AS deliveries_oldest";

  /**
   * One statement, every part answered from a partial index of pending rows; each count stops at {@code cap}, so
   * that a huge backlog costs no more to count.
   */
  public static Future<PipelineBacklog> read(Pool pool, int cap) {
    return pool.preparedQuery(SAMPLE).execute(Tuple.of(cap)).map(rows -> of(rows.iterator().next()));
  }

  private static PipelineBacklog of(Row row) {
    return new PipelineBacklog(row.getLong("outbox_pending"), orZero(row.getDouble("outbox_oldest")),
        row.getLong("deliveries_due"), orZero(row.getDouble("deliveries_oldest")));
  }

  /** None pending is an age of 0; clocks of the nodes that wrote the rows may run a little ahead. */
  private static double orZero(Double seconds) {
    return seconds == null ? 0 : Math.max(0, seconds);
  }
}
