package io.scimgate.invites.relay;

import io.scimgate.invites.policy.Deprovisioned;
import io.scimgate.persistence.events.Channel;
import io.scimgate.persistence.pipeline.NewWebhookDelivery;
import io.scimgate.persistence.pipeline.OutboxEvent;
import io.scimgate.persistence.pipeline.WebhookDeliveries;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a batch of outbox events into webhook deliveries ({@link WebhookDeliveries} queues them, or nothing when the
 * tenant has no enabled endpoint): the events {@link PublicEvents} renders (the catalogue's types published to
 * webhooks), and a {@code personnel.deprovisioned} per person the batch deprovisioned ({@code personnel.invited}
 * comes from the invitation itself). Each delivery's id is the event's stable id, so receivers can de-duplicate.
 */
final class WebhookEvents {
  private WebhookEvents() {}

  static Future<Void> enqueue(SqlConnection conn, UUID tenantId, List<OutboxEvent> events,
      List<Deprovisioned> deprovisioned) {
    List<NewWebhookDelivery> deliveries = new ArrayList<>();
    events.forEach(event -> PublicEvents.render(event).forEach(published -> add(deliveries, published)));
    OutboxEvent last = events.get(events.size() - 1);
    deprovisioned.forEach(gone -> add(deliveries, PublicEvents.deprovisioned(gone, last)));
    return WebhookDeliveries.enqueue(conn, tenantId, deliveries);
  }

  private static void add(List<NewWebhookDelivery> deliveries, PublicEvent event) {
    if (event.type().publishedTo(Channel.WEBHOOK)) {
      deliveries.add(new NewWebhookDelivery(event.id(), event.type().wireName(), ScimJson.write(event.data()),
          event.occurredAt()));
    }
  }
}
