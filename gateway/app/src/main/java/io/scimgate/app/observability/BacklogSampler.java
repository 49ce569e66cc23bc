package io.scimgate.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's backlog as the database holds it, for the whole cluster (every node reports the same values:
 * aggregate with {@code max}, not {@code sum}): pending outbox events and the age of the oldest (relay lag), due
 * deliveries and the age of the oldest. Read every {@value #EVERY_MS} ms by one asynchronous statement, never on
 * the scrape; each count stops at {@value #CAP} so that a huge backlog costs no more to count. Every part is
 * answered from a partial index of pending rows. When the database does not answer, the gauges show NaN rather
 * than an old value.
 */
final class BacklogSampler {
  private static final Logger LOG = LoggerFactory.getLogger(BacklogSampler.class);
  static final long EVERY_MS = 5_000;
  static final int CAP = 100_000;
  private static final String SAMPLE = "SELECT"
      + " (SELECT count(*) FROM (SELECT 1 FROM outbox_events WHERE processed_at IS NULL LIMIT $1) p) AS outbox_pending,"
      + " (SELECT extract(epoch FROM clock_timestamp() - created_at)::float8 FROM outbox_events"
      + " WHERE id = (SELECT min(id) FROM outbox_events WHERE processed_at IS NULL)) AS outbox_oldest,"
      + " (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE status IN ('pending', 'sending')"
      + " AND next_attempt_at <= now() LIMIT $1) d) AS deliveries_due,"
      + " (SELECT extract(epoch FROM clock_timestamp() - min(next_attempt_at))::float8 FROM deliveries"
      + " WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()) AS deliveries_oldest";

  private final Pool pool;
  private volatile double outboxPending = Double.NaN;
  private volatile double outboxOldest = Double.NaN;
  private volatile double deliveriesDue = Double.NaN;
  private volatile double deliveriesOldest = Double.NaN;
  private long timer = -1;
  private boolean failing;

  BacklogSampler(MeterRegistry registry, Pool pool) {
    this.pool = pool;
    Gauge.builder("scimgate.outbox.pending", this, s -> s.outboxPending)
        .description("Outbox events not relayed yet, cluster-wide (counted up to " + CAP + ")").register(registry);
    Gauge.builder("scimgate.outbox.oldest.pending.age", this, s -> s.outboxOldest).baseUnit("seconds")
        .description("Age of the oldest outbox event not relayed yet, cluster-wide (0: none)").register(registry);
    Gauge.builder("scimgate.deliveries.due", this, s -> s.deliveriesDue)
        .description("Deliveries due or being sent, cluster-wide (counted up to " + CAP + ")").register(registry);
    Gauge.builder("scimgate.deliveries.oldest.due.age", this, s -> s.deliveriesOldest).baseUnit("seconds")
        .description("How long the oldest delivery due (or being sent) has been due, cluster-wide (0: none)")
        .register(registry);
  }

  void start(Vertx vertx) {
    sample();
    timer = vertx.setPeriodic(EVERY_MS, id -> sample());
  }

  void stop(Vertx vertx) {
    vertx.cancelTimer(timer);
  }

  private void sample() {
    pool.preparedQuery(SAMPLE).execute(Tuple.of(CAP))
        .onSuccess(rows -> read(rows.iterator().next()))
        .onFailure(this::failed);
  }

  private void read(Row row) {
    outboxPending = row.getLong("outbox_pending");
    outboxOldest = orZero(row.getDouble("outbox_oldest"));
    deliveriesDue = row.getLong("deliveries_due");
    deliveriesOldest = orZero(row.getDouble("deliveries_oldest"));
    failing = false;
  }

  private void failed(Throwable failure) {
    outboxPending = Double.NaN;
    outboxOldest = Double.NaN;
    deliveriesDue = Double.NaN;
    deliveriesOldest = Double.NaN;
    if (!failing) { // once per outage, not every few seconds
      failing = true;
      LOG.warn("Sampling the pipeline's backlog for the metrics failed: {}", failure.getMessage());
    }
  }

  private static double orZero(Double seconds) {
    return seconds == null ? 0 : Math.max(0, seconds);
  }
}
