package io.scimgate.invites.relay;

import io.scimgate.invites.policy.Deprovisioned;
import io.scimgate.invites.policy.InvitePolicy;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims one tenant's pending events, applies the invite policy to each in order, enqueues
 * webhook deliveries, marks the events processed — all in one transaction, so a crash anywhere leaves the events
 * pending for the next attempt (on this node or another) and nothing half-applied.
 *
 * <p>A batch that fails is retried one event at a time, to find the event that fails; one that keeps failing on
 * its own ({@link #ATTEMPTS_BEFORE_SETTING_ASIDE} times in a row) is set aside with its error, logged, so that it
 * cannot stop its tenant's pipeline. When the next event fails as well, the fault is not the event's (a database
 * problem, a bug): nothing more is set aside, the relay retries on every poll and logs, until an event succeeds.
 * Used from one Vert.x context (the pipeline's), hence no locks.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  /** Events per transaction: big enough to amortise the commit, small enough to keep locks short. */
  static final int BATCH = 200;
  static final int ATTEMPTS_BEFORE_SETTING_ASIDE = 3;

  private final Pool pool;
  private boolean oneAtATime;
  private long lastEventId;
  private long failingEventId;
  private int failuresInARow;
  /** Set aside an event since the last success: a second one means the failure is systemic, not the event's. */
  private boolean setAsideSinceSuccess;

  public OutboxRelay(Pool pool) {
    this.pool = pool;
  }

  /** Processes one batch; completes with the number of events processed (0: nothing this node may take). */
  public Future<Integer> drainOnce() {
    int batch = oneAtATime ? 1 : BATCH;
    return pool.withTransaction(conn -> PendingEvents.claimTenant(conn)
            .compose(tenant -> tenant == null ? Future.succeededFuture(0) : process(conn, tenant, batch)))
        .onSuccess(processed -> {
          if (processed > 0) {
            oneAtATime = false;
            failuresInARow = 0;
            setAsideSinceSuccess = false;
          }
        })
        .recover(this::failed);
  }

  private Future<Integer> process(SqlConnection conn, UUID tenantId, int batch) {
    return PendingEvents.next(conn, tenantId, batch).compose(next -> {
      List<OutboxEvent> events = next.events();
      if (events.isEmpty()) {
        return Future.succeededFuture(0);
      }
      lastEventId = events.get(0).id();
      return applyInOrder(conn, events, next.invitesOn())
          .compose(deprovisioned -> WebhookEvents.enqueue(conn, tenantId, events, deprovisioned))
          .compose(done -> PendingEvents.markProcessed(conn, events))
          .map(done -> events.size());
    });
  }

  private Future<Integer> failed(Throwable failure) {
    if (!oneAtATime) {
      oneAtATime = true;
      return Future.failedFuture(failure);
    }
    failuresInARow = lastEventId == failingEventId ? failuresInARow + 1 : 1;
    failingEventId = lastEventId;
    if (failuresInARow < ATTEMPTS_BEFORE_SETTING_ASIDE) {
      return Future.failedFuture(failure);
    }
    if (setAsideSinceSuccess) {
      LOG.error("The outbox relay keeps failing on event after event ({}); nothing more is set aside until one "
          + "succeeds", failure.getMessage());
      return Future.failedFuture(failure);
    }
    setAsideSinceSuccess = true;
    LOG.error("Outbox event {} fails on its own ({} times); set aside so that its tenant's pipeline goes on",
        failingEventId, failuresInARow, failure);
    failuresInARow = 0;
    return pool.preparedQuery("UPDATE outbox_events SET processed_at = clock_timestamp(), failure = $2"
            + " WHERE id = $1 AND processed_at IS NULL")
        .execute(Tuple.of(failingEventId, String.valueOf(failure.getMessage())))
        .map(done -> 1);
  }

  /**
   * Sends every event's statements at once: on one connection they are pipelined and still execute in order,
   * each seeing the effects of those before it (one transaction), so the outcome is that of applying the events
   * one by one, without a round trip per statement.
   */
  private static Future<List<Deprovisioned>> applyInOrder(SqlConnection conn, List<OutboxEvent> events,
      boolean invitesOn) {
    List<Future<Deprovisioned>> applied = new ArrayList<>(events.size());
    for (OutboxEvent event : events) {
      applied.add(InvitePolicy.apply(conn, event, invitesOn));
    }
    return Future.all(applied).map(all -> {
      List<Deprovisioned> deprovisioned = new ArrayList<>();
      applied.forEach(result -> {
        if (result.result() != null) {
          deprovisioned.add(result.result());
        }
      });
      return deprovisioned;
    });
  }
}
