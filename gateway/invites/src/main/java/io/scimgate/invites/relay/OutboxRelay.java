package io.scimgate.invites.relay;

import io.scimgate.invites.PipelineObserver;
import io.scimgate.invites.policy.Deprovisioned;
import io.scimgate.invites.policy.InvitePolicy;
import io.scimgate.persistence.pipeline.OutboxEvent;
import io.scimgate.persistence.pipeline.PendingEvents;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims one tenant's pending events, applies the invite policy to each in order, enqueues
 * webhook deliveries, marks the events processed with their positions (the events API's order) — all in one
 * transaction, so a crash anywhere leaves the events
 * pending for the next attempt (on this node or another) and nothing half-applied.
 *
 * <p>A batch that fails is retried one event at a time, to find the event that fails; one that keeps failing on
 * its own ({@link #ATTEMPTS_BEFORE_SETTING_ASIDE} times in a row) is set aside with its error, logged, so that it
 * cannot stop its tenant's pipeline (it still gets its position: the change happened). When the next event fails as well, the fault is not the event's (a database
 * problem, a bug): nothing more is set aside, the relay retries on every poll and logs, until an event succeeds.
 * Used from one Vert.x context (the pipeline's), hence no locks.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  /** Events per transaction: big enough to amortise the commit, small enough to keep locks short. */
  static final int BATCH = 200;
  static final int ATTEMPTS_BEFORE_SETTING_ASIDE = 3;

  private final Pool pool;
  private final PipelineObserver observer;
  private boolean oneAtATime;
  private long lastEventId;
  private UUID lastTenantId;
  private long failingEventId;
  private int failuresInARow;
  /** Set aside an event since the last success: a second one means the failure is systemic, not the event's. */
  private boolean setAsideSinceSuccess;

  public OutboxRelay(Pool pool, PipelineObserver observer) {
    this.pool = pool;
    this.observer = observer;
  }

  /** Processes one batch; completes with the number of events processed (0: nothing this node may take). */
  public Future<Integer> drainOnce() {
    int batch = oneAtATime ? 1 : BATCH;
    return pool.withTransaction(conn -> PendingEvents.claimTenant(conn)
            .compose(tenant -> tenant == null ? Future.succeededFuture(List.<OutboxEvent>of())
                : process(conn, tenant, batch)))
        .map(this::committed)
        .recover(this::failed);
  }

  /** After the commit: the relay is healthy again, and each event's lag is reported. */
  private int committed(List<OutboxEvent> events) {
    if (events.isEmpty()) {
      return 0;
    }
    oneAtATime = false;
    failuresInARow = 0;
    setAsideSinceSuccess = false;
    Instant now = Instant.now();
    events.forEach(event -> observer.relayed(Duration.between(event.createdAt(), now)));
    return events.size();
  }

  private Future<List<OutboxEvent>> process(SqlConnection conn, UUID tenantId, int batch) {
    return PendingEvents.next(conn, tenantId, batch).compose(next -> {
      List<OutboxEvent> events = next.events();
      if (events.isEmpty()) {
        return Future.succeededFuture(events);
      }
      lastEventId = events.get(0).id();
      lastTenantId = tenantId;
      return applyInOrder(conn, events, next.invitesOn())
          .compose(deprovisioned -> WebhookEvents.enqueue(conn, tenantId, events, deprovisioned))
          .compose(done -> PendingEvents.markProcessed(conn, tenantId, events.stream().map(OutboxEvent::id).toList(),
              null))
          .map(done -> events);
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
    if (lastTenantId == null) {
      return Future.failedFuture(failure); // no event was ever read: nothing to set aside
    }
    setAsideSinceSuccess = true;
    LOG.error("Outbox event {} fails on its own ({} times); set aside so that its tenant's pipeline goes on",
        failingEventId, failuresInARow, failure);
    failuresInARow = 0;
    UUID tenantId = lastTenantId;
    long eventId = failingEventId;
    return pool.withTransaction(conn -> PendingEvents.setAside(conn, tenantId, eventId,
            String.valueOf(failure.getMessage())))
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
