package io.scimgate.invites.relay;

import io.scimgate.invites.policy.Deprovisioned;
import io.scimgate.persistence.events.Channel;
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
 * Turns a batch of outbox events into webhook deliveries, in one statement that writes nothing when the tenant has
 * no enabled endpoint: the events {@link PublicEvents} renders (the catalogue's types published to webhooks), and
 * a {@code personnel.deprovisioned} per person the batch deprovisioned ({@code personnel.invited} comes from the
 * invitation itself). Each delivery's id is the event's stable id, so receivers can de-duplicate.
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
    events.forEach(event -> PublicEvents.render(event).forEach(batch::add));
    OutboxEvent last = events.get(events.size() - 1);
    deprovisioned.forEach(gone -> batch.add(PublicEvents.deprovisioned(gone, last)));
    if (batch.ids.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params = Tuple.tuple().addValue(tenantId).addValue(batch.ids.toArray(String[]::new))
        .addValue(batch.types.toArray(String[]::new)).addValue(batch.data.toArray(String[]::new))
        .addValue(batch.times.toArray(OffsetDateTime[]::new));
    return conn.preparedQuery(ENQUEUE).execute(params).mapEmpty();
  }

  private void add(PublicEvent event) {
    if (!event.type().publishedTo(Channel.WEBHOOK)) {
      return;
    }
    ids.add(event.id());
    types.add(event.type().wireName());
    data.add(ScimJson.write(event.data()));
    times.add(event.occurredAt().atOffset(ZoneOffset.UTC));
  }
}
