package io.scimgate.persistence.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.persistence.Rows;
import io.scimgate.scim.json.ScimJson;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code outbox_events}: what changed, written by a trigger in the transaction of the change.
 *
 * @param type a stored type of the catalogue ({@link io.scimgate.persistence.events.EventType}); kept as text,
 *     since a row may name a type this node does not know (written by a newer node, or by hand)
 */
public record OutboxEvent(long id, UUID tenantId, UUID connectionId, String type, UUID resourceId, JsonNode data,
    Instant createdAt) {

  /** Reads the columns {@code id, tenant_id, connection_id, type, resource_id, data (as text), created_at}. */
  public static OutboxEvent from(Row row) {
    return new OutboxEvent(row.getLong("id"), row.getUUID("tenant_id"), row.getUUID("connection_id"),
        row.getString("type"), row.getUUID("resource_id"), ScimJson.parse(row.getString("data")),
        Rows.instant(row, "created_at"));
  }
}
