package io.scimgate.invites.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.invites.policy.Deprovisioned;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a batch of outbox events into webhook deliveries of the public event catalogue, in one statement that
 * writes nothing when the tenant has no enabled endpoint:
 * {@code user.created|updated|deactivated|reactivated|deleted}, {@code group.created|renamed|updated|deleted},
 * {@code group.member_added|member_removed} (one per member) and {@code personnel.deprovisioned}
 * ({@code personnel.invited} comes from the invitation itself). Each delivery's id is stable
 * ({@code webhook:<event id>[:<member>]}), so receivers can de-duplicate.
 */
final class WebhookEvents {
  private static final String ENQUEUE = "INSERT INTO deliveries (id, tenant_id, channel, event_type, data, status,"
      + " occurred_at) SELECT x.id, $1, 'webhook', x.type, x.data::jsonb, 'pending', x.at"
      + " FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS x(id, type, data, at)"
      + " WHERE EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.tenant_id = $1 AND w.enabled)"
      + " ON CONFLICT DO NOTHING";

  private final List<String> ids = new ArrayList<>();
  private final List<String> types = new ArrayList<>();
  private final List<String> data = new ArrayList<>();
  private final List<OffsetDateTime> times = new ArrayList<>();

  static Future<Void> enqueue(SqlConnection conn, UUID tenantId, List<OutboxEvent> events,
      List<Deprovisioned> deprovisioned) {
    WebhookEvents batch = new WebhookEvents();
    events.forEach(batch::add);
    OutboxEvent last = events.get(events.size() - 1);
    deprovisioned.forEach(gone -> batch.row("webhook:personnel.deprovisioned:" + gone.personId() + ":" + last.id(),
        "personnel.deprovisioned", ScimJson.object().put("personId", gone.personId().toString())
            .put("userId", gone.userId().toString()), last));
    if (batch.ids.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params = Tuple.tuple().addValue(tenantId).addValue(batch.ids.toArray(String[]::new))
        .addValue(batch.types.toArray(String[]::new)).addValue(batch.data.toArray(String[]::new))
        .addValue(batch.times.toArray(OffsetDateTime[]::new));
    return conn.preparedQuery(ENQUEUE).execute(params).mapEmpty();
  }

  private void add(OutboxEvent event) {
    switch (event.type()) {
      case "group.members_added" -> members(event, "group.member_added");
      case "group.members_removed" -> members(event, "group.member_removed");
      default -> {
        if (event.type().startsWith("user.") || event.type().startsWith("group.")) {
          ObjectNode body = ((ObjectNode) event.data().deepCopy()).put("id", event.resourceId().toString());
          row("webhook:" + event.id(), event.type(), withConnection(body, event), event);
        }
      }
    }
  }

  private void members(OutboxEvent event, String type) {
    for (JsonNode member : event.data().path("members")) {
      ObjectNode body = ScimJson.object().put("groupId", event.resourceId().toString());
      body.set("member", member);
      row("webhook:" + event.id() + ":" + member.path("value").asText(), type, withConnection(body, event), event);
    }
  }

  private static ObjectNode withConnection(ObjectNode body, OutboxEvent event) {
    return event.connectionId() == null ? body : body.put("connectionId", event.connectionId().toString());
  }

  private void row(String id, String type, ObjectNode body, OutboxEvent event) {
    ids.add(id);
    types.add(type);
    data.add(ScimJson.write(body));
    times.add(event.createdAt().atOffset(ZoneOffset.UTC));
  }
}
