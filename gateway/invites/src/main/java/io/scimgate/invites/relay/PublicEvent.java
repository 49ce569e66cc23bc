package io.scimgate.invites.relay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.events.EventType;
import io.scimgate.scim.json.ScimJson;
import java.time.Instant;

/**
 * One event as tenants receive it, by webhook or from the events API.
 *
 * @param id stable whatever delivers it ({@code webhook:<outbox event id>[:<member>]}): receivers de-duplicate on it
 * @param occurredAt when the change was written (the outbox row's time)
 * @param data the payload, with the fields the catalogue lists for {@code type}
 */
public record PublicEvent(String id, EventType type, Instant occurredAt, ObjectNode data) {

  /** The body tenants get: {@code {"id", "type", "tenantId", "occurredAt", "data"}} (a webhook's, a list entry's). */
  public static ObjectNode envelope(String id, String type, String tenantId, Instant occurredAt, ObjectNode data) {
    ObjectNode body = ScimJson.object().put("id", id).put("type", type).put("tenantId", tenantId)
        .put("occurredAt", String.valueOf(occurredAt));
    body.set("data", data);
    return body;
  }

  public ObjectNode envelope(String tenantId) {
    return envelope(id, type.wireName(), tenantId, occurredAt, data);
  }
}
