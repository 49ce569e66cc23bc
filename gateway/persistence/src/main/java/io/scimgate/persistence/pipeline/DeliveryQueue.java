package io.scimgate.persistence.pipeline;

import io.scimgate.persistence.Rows;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code deliveries} table as a work queue shared by all nodes. A claim marks rows {@code sending} with a
 * lease and commits before anything is sent; a node that dies mid-send leaves its rows to be claimed again when
 * the lease runs out (so delivery is at-least-once, and every delivery carries its stable id for de-duplication).
 */
public final class DeliveryQueue {
  /**
   * Claims due rows, skipping those another node holds, within the {@link Room} left on this node: webhooks at
   * most {@code $5} in flight per tenant (tenants in {@code busy}, $3 with their in-flight counts in $4, get only
   * what is left of theirs) and {@code $6} more in all; other channels {@code $7} more. A tenant whose webhooks are
   * at their limit is left out before the {@code LIMIT}, so its backlog cannot fill the claim, and nothing claimed
   * waits here on its lease behind a slow receiver. Rows locked but not claimed are released when the statement
   * ends. (Window functions cannot share a level with {@code FOR UPDATE}: the lock is in one CTE, the ranking in
   * the next.)
   */
  private static final String CLAIM = "WITH busy AS (SELECT * FROM unnest($3::uuid[], $4::int[]) AS b(tenant_id,"
      + " in_flight)),"
      + " candidates AS (SELECT d.id, d.tenant_id, d.channel = 'webhook' AS webhook, d.next_attempt_at"
      + " FROM deliveries d WHERE d.status IN ('pending', 'sending') AND d.next_attempt_at <= now()"
      + " AND (d.status = 'pending' OR d.lease_until < now())"
      + " AND CASE WHEN d.channel = 'webhook' THEN $6 > 0"
      + " AND d.tenant_id NOT IN (SELECT tenant_id FROM busy WHERE in_flight >= $5) ELSE $7 > 0 END"
      + " ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),"
      + " ranked AS (SELECT c.id, c.tenant_id, c.webhook,"
      + " row_number() OVER (PARTITION BY c.webhook ORDER BY c.next_attempt_at) AS kind_rank,"
      + " row_number() OVER (PARTITION BY c.webhook, c.tenant_id ORDER BY c.next_attempt_at) AS tenant_rank"
      + " FROM candidates c)"
      + " UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1,"
      + " lease_until = now() + make_interval(secs => $2)"
      + " FROM ranked due"
      + " LEFT JOIN busy b ON b.tenant_id = due.tenant_id"
      + " JOIN tenants t ON t.id = due.tenant_id"
      + " LEFT JOIN webhook_endpoints w ON w.tenant_id = due.tenant_id AND w.enabled"
      + " LEFT JOIN invitation_settings i ON i.tenant_id = due.tenant_id"
      + " WHERE d.id = due.id AND CASE WHEN due.webhook"
      + " THEN due.kind_rank <= $6 AND due.tenant_rank <= $5 - coalesce(b.in_flight, 0)"
      + " ELSE due.kind_rank <= $7 END"
      + " RETURNING d.id, d.tenant_id, d.channel, d.event_type, d.data::text AS data,"
      + " d.recipient, d.attempts, d.occurred_at, t.name AS tenant_name, w.url AS webhook_url,"
      + " w.secret_encrypted AS webhook_secret, i.url_template AS invitation_url";

  private final Pool pool;
  private final Duration lease;

  /** {@code lease}: how long a claimed delivery belongs to the node that claimed it. */
  public DeliveryQueue(Pool pool, Duration lease) {
    this.pool = pool;
    this.lease = lease;
  }

  /** Up to {@code limit} due deliveries, within {@code room}. */
  public Future<List<DueDelivery>> claim(int limit, Room room) {
    List<Map.Entry<UUID, Integer>> busy = List.copyOf(room.webhooksByTenant().entrySet()); // one order for both
    Tuple args = Tuple.of(limit, lease.toMillis() / 1000.0,
        busy.stream().map(Map.Entry::getKey).toArray(UUID[]::new),
        busy.stream().map(Map.Entry::getValue).toArray(Integer[]::new), room.perEndpoint())
        .addInteger(room.webhooks()).addInteger(room.others());
    return pool.preparedQuery(CLAIM).execute(args).map(rows -> {
      List<DueDelivery> due = new ArrayList<>(rows.size());
      for (Row row : rows) {
        due.add(new DueDelivery(row.getString("id"), row.getUUID("tenant_id"), row.getString("tenant_name"),
            row.getString("channel"), row.getString("event_type"), ScimJson.parse(row.getString("data")),
            row.getString("recipient"), row.getInteger("attempts"), Rows.instant(row, "occurred_at"),
            row.getString("webhook_url"), row.getString("webhook_secret"), row.getString("invitation_url")));
      }
      return due;
    });
  }

  /*
   * Outcomes are recorded only by the claim that is still the row's: a claim is named by the row and the attempt
   * it counted, so the late outcome of a send whose lease ran out (and whose row another node claimed again, as
   * attempt n + 1) changes nothing. Each answers whether it was recorded.
   */

  /** Marks the claimed delivery sent; {@code false} when the claim is no longer the row's. */
  public Future<Boolean> sent(DueDelivery claim) {
    return record("UPDATE deliveries SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL"
        + " WHERE id = $1 AND attempts = $2 AND status = 'sending'", Tuple.of(claim.id(), claim.attempts()));
  }

  /** Puts the claimed delivery back to be tried after {@code delay}; {@code false} when the claim is stale. */
  public Future<Boolean> retryLater(DueDelivery claim, Duration delay, String error) {
    return record("UPDATE deliveries SET status = 'pending', lease_until = NULL, last_error = $4,"
        + " next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1 AND attempts = $2"
        + " AND status = 'sending'", Tuple.of(claim.id(), claim.attempts(), delay.toMillis() / 1000.0, error));
  }

  /** Dead-letters the claimed delivery; {@code false} when the claim is stale. */
  public Future<Boolean> dead(DueDelivery claim, String error) {
    return record("UPDATE deliveries SET status = 'dead', lease_until = NULL, last_error = $3"
        + " WHERE id = $1 AND attempts = $2 AND status = 'sending'", Tuple.of(claim.id(), claim.attempts(), error));
  }

  private Future<Boolean> record(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).map(rows -> rows.rowCount() == 1);
  }
}
