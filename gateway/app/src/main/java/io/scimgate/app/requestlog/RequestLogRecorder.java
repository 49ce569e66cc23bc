package io.scimgate.app.requestlog;

import io.scimgate.app.config.RequestLogConfig;
import io.scimgate.persistence.requestlog.LoggedRequest;
import io.scimgate.persistence.requestlog.RequestLogRepository;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the SCIM request log without slowing SCIM requests down: a request only adds its entry to a bounded
 * buffer ({@link #record}); this verticle writes the buffer every {@value #FLUSH_MILLIS} ms, or as soon as
 * {@value #BATCH} entries wait, one statement per batch, from its own event loop. It also prunes the log
 * periodically (see {@link RequestLogPruner}).
 *
 * <p>Entries still in the buffer when a node crashes are lost, and a batch whose write fails is dropped (and
 * counted): this is a log for people, not data anybody acknowledged, and retrying would let a database outage
 * pile up memory. A stopping node writes what is waiting before its pool closes.
 */
public final class RequestLogRecorder extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RequestLogRecorder.class);
  static final int CAPACITY = 10_000;
  static final int BATCH = 500;
  static final long FLUSH_MILLIS = 250;
  private static final long WARN_EVERY_NANOS = 60_000_000_000L;

  private final RequestLogRepository repository;
  private final RequestLogPruner pruner;
  private final RequestLogConfig config;
  private final RequestLogBuffer buffer = new RequestLogBuffer(CAPACITY);
  private final AtomicBoolean flushAsked = new AtomicBoolean();
  private volatile Context home;
  private Future<Void> writing = Future.succeededFuture();
  private boolean flushing;
  private String lastFailure;
  private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;
  private long flushTimer = -1;
  private long pruneTimer = -1;

  public RequestLogRecorder(RequestLogRepository repository, RequestLogConfig config) {
    this.repository = repository;
    this.config = config;
    this.pruner = new RequestLogPruner(repository, config);
  }

  /** Queues an entry (any thread). Never waits and never fails: a full buffer drops the entry. */
  public void record(LoggedRequest entry) {
    int waiting = buffer.offer(entry);
    Context context = home;
    if (waiting >= BATCH && context != null && flushAsked.compareAndSet(false, true)) {
      context.runOnContext(ignored -> flush());
    }
  }

  @Override
  public Future<?> start() {
    home = context;
    flushTimer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
    pruneTimer = vertx.setPeriodic(config.pruneEvery().toMillis(), id -> pruner.prune());
    return Future.succeededFuture();
  }

  /** Writes everything still waiting (after the HTTP servers stopped, so nothing new arrives). */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(flushTimer);
    vertx.cancelTimer(pruneTimer);
    return writing.transform(previous -> writeAll()).transform(done -> pruner.stop());
  }

  /** One batch at a time; a full batch waiting after a write starts the next one at once. */
  private void flush() {
    flushAsked.set(false);
    warnAboutDrops();
    if (flushing || buffer.size() == 0) {
      return;
    }
    flushing = true;
    writing = write(buffer.drain(BATCH)).onComplete(done -> {
      flushing = false;
      if (buffer.size() >= BATCH) {
        flush();
      }
    });
  }

  private Future<Void> writeAll() {
    List<LoggedRequest> batch = buffer.drain(BATCH);
    return batch.isEmpty() ? Future.succeededFuture() : write(batch).compose(done -> writeAll());
  }

  private Future<Void> write(List<LoggedRequest> batch) {
    return repository.append(batch).recover(failure -> {
      buffer.countDropped(batch.size());
      lastFailure = failure.getMessage();
      LOG.debug("Writing {} request log entries failed", batch.size(), failure);
      return Future.succeededFuture();
    });
  }

  /** At most one warning a minute, however many entries are lost. */
  private void warnAboutDrops() {
    long now = System.nanoTime();
    if (now - lastWarning < WARN_EVERY_NANOS) {
      return;
    }
    long dropped = buffer.takeDropped();
    if (dropped > 0) {
      lastWarning = now;
      LOG.warn("The SCIM request log dropped {} entries since its last warning (buffer of {} full, or the database"
          + " refused the writes{}); SCIM requests were not affected", dropped, CAPACITY,
          lastFailure == null ? "" : ": " + lastFailure);
      lastFailure = null;
    }
  }
}
