package io.scimgate.benchmarks.load;

import io.vertx.sqlclient.Pool;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's outbox events not yet relayed, after a measured window. A workload's window includes the relay's
 * work done meanwhile (it runs in the same process, on the same PostgreSQL); what the relay has not done by the
 * window's end is printed with how long it took to finish, so that a throughput bought by leaving the pipeline
 * behind shows. Before the next workload of a {@link WorkloadSequence} starts, the backlog is drained, so that no
 * workload's window pays for the one before it. (The ceiling server has no relay: nothing to wait for.)
 */
final class RelayBacklog {
  private static final long MAX_WAIT_SECONDS = 600;

  private RelayBacklog() {}

  /** Waits (bounded) until every outbox event is processed; prints the backlog found and the time it took. */
  static void drain(Pool db) throws Exception {
    long start = System.nanoTime();
    long found = pending(db);
    long left = found;
    while (left > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS)) {
      Thread.sleep(250);
      left = pending(db);
    }
    System.out.printf(Locale.ROOT, "  relay backlog at the window's end: %d events, %s%n", found,
        left == 0 ? String.format(Locale.ROOT, "relayed %.1f s later", (System.nanoTime() - start) / 1e9)
            : left + " still waiting after " + MAX_WAIT_SECONDS + " s");
  }

  private static long pending(Pool db) throws Exception {
    return db.query("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL").execute()
        .await(30, TimeUnit.SECONDS).iterator().next().getLong(0);
  }
}
