package io.scimgate.invites.relay;

import io.scimgate.persistence.Rows;
import io.scimgate.scim.json.ScimJson;
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
final class PendingEvents {
  /** Advisory lock namespace of the relay (the first key of the two-key form). */
  private static final int LOCK_SPACE = 7644;

  private PendingEvents() {}

  /** A tenant with pending events that no other node is processing, now locked by this transaction; or null. */
  static Future<UUID> claimTenant(SqlConnection conn) {
    return conn.query("SELECT tenant_id FROM (SELECT DISTINCT tenant_id FROM outbox_events"
            + " WHERE processed_at IS NULL LIMIT 64) pending"
            + " WHERE pg_try_advisory_xact_lock(" + LOCK_SPACE + ", hashtext(tenant_id::text)) LIMIT 1")
        .execute()
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("tenant_id"));
  }

  /** The tenant's oldest pending events, in order, and whether its auto-invites are on (read once). */
  static Future<TenantBatch> next(SqlConnection conn, UUID tenantId, int limit) {
    return conn.preparedQuery("SELECT id, tenant_id, connection_id, type, resource_id, data::text AS data, created_at,"
            + " coalesce((SELECT enabled FROM auto_invite_settings s WHERE s.tenant_id = $1), false) AS invites_on"
            + " FROM outbox_events WHERE tenant_id = $1 AND processed_at IS NULL ORDER BY id LIMIT $2")
        .execute(Tuple.of(tenantId, limit))
        .map(rows -> {
          List<OutboxEvent> events = new ArrayList<>(rows.size());
          boolean invitesOn = false;
          for (Row row : rows) {
            invitesOn = row.getBoolean("invites_on");
            events.add(new OutboxEvent(row.getLong("id"), row.getUUID("tenant_id"), row.getUUID("connection_id"),
                row.getString("type"), row.getUUID("resource_id"), ScimJson.parse(row.getString("data")),
                Rows.instant(row, "created_at")));
          }
          return new TenantBatch(events, invitesOn);
        });
  }

  static Future<Void> markProcessed(SqlConnection conn, List<OutboxEvent> events) {
    Long[] ids = events.stream().map(OutboxEvent::id).toArray(Long[]::new);
    return conn.preparedQuery("UPDATE outbox_events SET processed_at = clock_timestamp() WHERE id = ANY($1)")
        .execute(Tuple.of((Object) ids))
        .mapEmpty();
  }
}
