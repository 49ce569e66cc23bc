package io.scimgate.invites.delivery;

import io.scimgate.persistence.Rows;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code deliveries} table as a work queue shared by all nodes. A claim marks rows {@code sending} with a
 * lease and commits before anything is sent; a node that dies mid-send leaves its rows to be claimed again when
 * the lease runs out (so delivery is at-least-once, and every delivery carries its stable id for de-duplication).
 */
final class DeliveryQueue {
  private static final String CLAIM = "UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1,"
      + " lease_until = now() + make_interval(secs => $2)"
      + " FROM (SELECT id, tenant_id FROM deliveries WHERE status IN ('pending', 'sending')"
      + " AND next_attempt_at <= now() AND (status = 'pending' OR lease_until < now())"
      + " ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due"
      + " JOIN tenants t ON t.id = due.tenant_id"
      + " LEFT JOIN webhook_endpoints w ON w.tenant_id = due.tenant_id AND w.enabled"
      + " WHERE d.id = due.id RETURNING d.id, d.tenant_id, d.channel, d.event_type, d.data::text AS data,"
      + " d.recipient, d.attempts, d.occurred_at, t.name AS tenant_name, w.url AS webhook_url,"
      + " w.secret_encrypted AS webhook_secret";

  private final Pool pool;
  private final Duration lease;

  /** {@code lease}: how long a claimed delivery belongs to the node that claimed it. */
  DeliveryQueue(Pool pool, Duration lease) {
    this.pool = pool;
    this.lease = lease;
  }

  Future<List<DueDelivery>> claim(int limit) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, lease.toMillis() / 1000.0)).map(rows -> {
      List<DueDelivery> due = new ArrayList<>(rows.size());
      for (Row row : rows) {
        due.add(new DueDelivery(row.getString("id"), row.getUUID("tenant_id"), row.getString("tenant_name"),
            row.getString("channel"), row.getString("event_type"), ScimJson.parse(row.getString("data")),
            row.getString("recipient"), row.getInteger("attempts"), Rows.instant(row, "occurred_at"),
            row.getString("webhook_url"), row.getString("webhook_secret")));
      }
      return due;
    });
  }

  Future<Void> sent(String id) {
    return pool.preparedQuery("UPDATE deliveries SET status = 'sent', sent_at = now(), lease_until = NULL,"
            + " last_error = NULL WHERE id = $1 AND status = 'sending'")
        .execute(Tuple.of(id)).mapEmpty();
  }

  Future<Void> retryLater(String id, Duration delay, String error) {
    return pool.preparedQuery("UPDATE deliveries SET status = 'pending', lease_until = NULL, last_error = $3,"
            + " next_attempt_at = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'sending'")
        .execute(Tuple.of(id, delay.toMillis() / 1000.0, error)).mapEmpty();
  }

  Future<Void> dead(String id, String error) {
    return pool.preparedQuery("UPDATE deliveries SET status = 'dead', lease_until = NULL, last_error = $2"
            + " WHERE id = $1 AND status = 'sending'")
        .execute(Tuple.of(id, error)).mapEmpty();
  }
}
