package io.scimgate.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimgate.persistence.pipeline.PipelineBacklog;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's backlog as the database holds it, for the whole cluster (every node reports the same values:
 * aggregate with {@code max}, not {@code sum}): pending outbox events and the age of the oldest (relay lag), due
 * deliveries and the age of the oldest ({@link PipelineBacklog}). Read every {@value #EVERY_MS} ms by one
 * asynchronous statement, never on the scrape; each count stops at {@value #CAP}. When the database does not
 * answer, the gauges show NaN rather than an old value.
 */
final class BacklogSampler {
  private static final Logger LOG = LoggerFactory.getLogger(BacklogSampler.class);
  static final long EVERY_MS = 5_000;
  static final int CAP = 100_000;

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
    PipelineBacklog.read(pool, CAP).onSuccess(this::read).onFailure(this::failed);
  }

  private void read(PipelineBacklog backlog) {
    outboxPending = backlog.outboxPending();
    outboxOldest = backlog.outboxOldestSeconds();
    deliveriesDue = backlog.deliveriesDue();
    deliveriesOldest = backlog.deliveriesOldestSeconds();
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
}
