package io.scimgate.app.requestlog;

import io.scimgate.app.config.RequestLogConfig;
import io.scimgate.persistence.requestlog.RequestLogRepository;
import io.vertx.core.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the request log bounded: rows older than the retention, and each connection's rows beyond its newest
 * {@code maxRowsPerConnection}, are deleted in batches of {@value #BATCH}, one batch after the other, so a
 * prune never holds many locks or runs one long statement. Every node prunes; deletes are idempotent.
 */
final class RequestLogPruner {
  private static final Logger LOG = LoggerFactory.getLogger(RequestLogPruner.class);
  static final int BATCH = 1000;
  /** A run deletes at most this many batches; whatever is left waits for the next run. */
  private static final int MAX_BATCHES = 200;

  private final RequestLogRepository repository;
  private final RequestLogConfig config;
  private Future<Void> running = Future.succeededFuture();

  RequestLogPruner(RequestLogRepository repository, RequestLogConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** Starts a run unless one is still going (called from the recorder's event loop only). */
  void prune() {
    if (!running.isComplete()) {
      return;
    }
    running = inBatches(() -> repository.pruneOlderThan(config.retention(), BATCH), MAX_BATCHES)
        .compose(done -> inBatches(() -> repository.pruneBeyond(config.maxRowsPerConnection(), BATCH),
            MAX_BATCHES))
        .onFailure(failure -> LOG.warn("Pruning the SCIM request log failed, retrying on the next run: {}",
            failure.getMessage()));
  }

  /** Completes when the current run (if any) has finished. */
  Future<Void> stop() {
    return running.otherwiseEmpty();
  }

  private static Future<Void> inBatches(Supplier<Future<Integer>> batch, int left) {
    return batch.get().compose(deleted -> deleted < BATCH || left <= 1 ? Future.<Void>succeededFuture()
        : inBatches(batch, left - 1));
  }
}
