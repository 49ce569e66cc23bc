package io.scimgate.persistence.pipeline;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Queues a relay batch's webhook deliveries in one statement, in the relay's transaction, that writes nothing when
 * the tenant has no enabled endpoint. A delivery whose id is queued already is left alone ({@code ON CONFLICT DO
 * NOTHING}): a batch that is retried queues nothing twice.
 */
public final class WebhookDeliveries {
  private static final String ENQUEUE = "INSERT INTO deliveries (id, tenant_id, channel, event_type, data, status,"
      + " occurred_at) SELECT x.id, $1, 'webhook', x.type, x.data::jsonb, 'pending', x.at"
      + " FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS x(id, type, data, at)"
      + " WHERE EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.tenant_id = $1 AND w.enabled)"
      + " ON CONFLICT DO NOTHING";

  private WebhookDeliveries() {}

  /** Queues {@code deliveries} (none: no statement is sent). */
  public static Future<Void> enqueue(SqlConnection conn, UUID tenantId, List<NewWebhookDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params = Tuple.tuple().addValue(tenantId)
        .addValue(deliveries.stream().map(NewWebhookDelivery::id).toArray(String[]::new))
        .addValue(deliveries.stream().map(NewWebhookDelivery::eventType).toArray(String[]::new))
        .addValue(deliveries.stream().map(NewWebhookDelivery::data).toArray(String[]::new))
        .addValue(deliveries.stream().map(delivery -> delivery.occurredAt().atOffset(ZoneOffset.UTC))
            .toArray(OffsetDateTime[]::new));
    return conn.preparedQuery(ENQUEUE).execute(params).mapEmpty();
  }
}
