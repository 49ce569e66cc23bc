package io.scimgate.persistence.pipeline;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Claims a tenant's pending outbox events for one transaction. A transaction-scoped advisory lock per tenant
 * makes one node at a time process a tenant, so a tenant's events apply in commit order (a deactivation never
 * overtakes the creation before it); other tenants proceed in parallel on other nodes. A crash rolls the
 * transaction back: the events stay pending and the lock is released.
 */
public final class PendingEvents {
  /** Advisory lock namespace of the relay (the first key of the two-key form). */
  private static final int LOCK_SPACE = 7644;

  private static final String MARK_PROCESSED = "WITH counter AS ("
      + "INSERT INTO tenant_event_positions AS t (tenant_id, last_position) VALUES ($1, $3::bigint)"
      + " ON CONFLICT (tenant_id) DO UPDATE SET last_position = t.last_position + $3::bigint"
      + " RETURNING t.last_position - $3::bigint AS base, clock_timestamp() AS at)"
      + " UPDATE outbox_events o SET processed_at = counter.at, position = counter.base + x.ord, failure = $4"
      + " FROM counter, unnest($2::bigint[]) WITH ORDINALITY AS x(id, ord) WHERE o.id = x.id";

  private PendingEvents() {}

  /** A tenant with pending events that no other node is processing, now locked by this transaction; or null. */
  public static Future<UUID> claimTenant(SqlConnection conn) {
    return conn.query("SELECT tenant_id FROM (SELECT DISTINCT tenant_id FROM outbox_events"
            + " WHERE processed_at IS NULL LIMIT 64) pending"
            + " WHERE pg_try_advisory_xact_lock(" + LOCK_SPACE + ", hashtext(tenant_id::text)) LIMIT 1")
        .execute()
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("tenant_id"));
  }

  /** The tenant's oldest pending events, in order, and whether its auto-invites are on (read once). */
  public static Future<TenantBatch> next(SqlConnection conn, UUID tenantId, int limit) {
    return conn.preparedQuery("SELECT id, tenant_id, connection_id, type, resource_id, data::text AS data, created_at,"
            + " coalesce((SELECT enabled FROM auto_invite_settings s WHERE s.tenant_id = $1), false) AS invites_on"
            + " FROM outbox_events WHERE tenant_id = $1 AND processed_at IS NULL ORDER BY id LIMIT $2")
        .execute(Tuple.of(tenantId, limit))
        .map(rows -> {
          List<OutboxEvent> events = new ArrayList<>(rows.size());
          boolean invitesOn = false;
          for (Row row : rows) {
            invitesOn = row.getBoolean("invites_on");
            events.add(OutboxEvent.from(row));
          }
          return new TenantBatch(events, invitesOn);
        });
  }

  /**
   * Marks the events processed and gives them the tenant's next positions, in the order given (the events API
   * serves them in position order). Called only under the tenant's lock, so positions are gap-free and a
   * transaction's positions are all visible before the next transaction takes any. The events share one
   * {@code processed_at}, so that the retention prune, which deletes by {@code processed_at}, always removes a
   * prefix of a tenant's positions. {@code failure}: why the event was set aside, or {@code null}.
   */
  public static Future<Void> markProcessed(SqlConnection conn, UUID tenantId, List<Long> ids, String failure) {
    return conn.preparedQuery(MARK_PROCESSED)
        .execute(Tuple.of(tenantId, ids.toArray(Long[]::new), (long) ids.size(), failure))
        .mapEmpty();
  }

  /**
   * Sets aside an event that fails on its own: processed, with its error, and with a position (it still happened).
   * Waits for the tenant's lock, which the relay holding it releases at its commit; nothing is written when the
   * event was processed meanwhile.
   */
  public static Future<Void> setAside(SqlConnection conn, UUID tenantId, long eventId, String failure) {
    return conn.preparedQuery("SELECT pg_advisory_xact_lock(" + LOCK_SPACE + ", hashtext($1))")
        .execute(Tuple.of(tenantId.toString())) // the text form, as claimTenant hashes tenant_id::text
        .compose(locked -> conn.preparedQuery("SELECT id FROM outbox_events WHERE id = $1 AND processed_at IS NULL")
            .execute(Tuple.of(eventId)))
        .compose(pending -> pending.size() == 0 ? Future.succeededFuture()
            : markProcessed(conn, tenantId, List.of(eventId), failure));
  }
}
