package io.scimgate.invites.relay;

import io.scimgate.invites.policy.InvitePolicy;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Drains the outbox: claims one tenant's pending events, applies the invite policy to each in order, enqueues
 * webhook deliveries, marks the events processed — all in one transaction, so a crash anywhere leaves the events
 * pending for the next attempt (on this node or another) and nothing half-applied.
 */
public final class OutboxRelay {
  /** Events per transaction: big enough to amortise the commit, small enough to keep locks short. */
  static final int BATCH = 200;

  private final Pool pool;

  public OutboxRelay(Pool pool) {
    this.pool = pool;
  }

  /** Processes one batch; completes with the number of events processed (0: nothing this node may take). */
  public Future<Integer> drainOnce() {
    return pool.withTransaction(conn -> PendingEvents.claimTenant(conn)
        .compose(tenant -> tenant == null ? Future.succeededFuture(0) : process(conn, tenant)));
  }

  private static Future<Integer> process(SqlConnection conn, UUID tenantId) {
    return PendingEvents.next(conn, tenantId, BATCH).compose(events -> events.isEmpty()
        ? Future.succeededFuture(0)
        : applyInOrder(conn, events)
            .compose(deprovisioned -> WebhookEvents.enqueue(conn, tenantId, events, deprovisioned))
            .compose(done -> PendingEvents.markProcessed(conn, events))
            .map(done -> events.size()));
  }

  private static Future<List<UUID>> applyInOrder(SqlConnection conn, List<OutboxEvent> events) {
    List<UUID> deprovisioned = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (OutboxEvent event : events) {
      chain = chain.compose(done -> InvitePolicy.apply(conn, event)).<Void>map(userId -> {
        if (userId != null) {
          deprovisioned.add(userId);
        }
        return null;
      });
    }
    return chain.map(done -> deprovisioned);
  }
}
