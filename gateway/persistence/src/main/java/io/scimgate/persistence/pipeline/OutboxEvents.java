package io.scimgate.persistence.pipeline;

import io.scimgate.persistence.events.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Outbox events written by application code (the SCIM ones come from triggers). Always call it on the
 * connection of the transaction that makes the change: the event must commit with it or not at all. The insert
 * sends no NOTIFY (V006 removed that trigger: NOTIFY serialises commits): the node that made the change wakes its
 * own relay in-process after the answer (the HTTP layer's WriteNotifier), and the other nodes find the event at
 * their next poll. The types are the catalogue's ({@link EventType}).
 */
final class OutboxEvents {
  private OutboxEvents() {}

  static Future<Void> append(SqlClient on, UUID tenantId, UUID connectionId, EventType type, UUID resourceId,
      JsonObject data) {
    return on.preparedQuery("INSERT INTO outbox_events (tenant_id, connection_id, type, resource_id, data)"
            + " VALUES ($1, $2, $3, $4, $5::text::jsonb)")
        .execute(Tuple.of(tenantId, connectionId, type.wireName(), resourceId, data.encode()))
        .mapEmpty();
  }
}
