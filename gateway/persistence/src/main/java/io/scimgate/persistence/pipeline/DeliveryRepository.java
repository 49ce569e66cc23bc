package io.scimgate.persistence.pipeline;

import io.scimgate.persistence.Page;
import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A tenant's deliveries, for the admin: listing (the dead letter above all) and replaying dead ones. */
public final class DeliveryRepository {
  private static final String COLUMNS = "id, tenant_id, channel, event_type, recipient, status, attempts,"
      + " last_error, created_at, next_attempt_at, sent_at";

  private final Pool pool;
  private final AuditLog audit;

  public DeliveryRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  /** Newest first (ties broken by id, so pages never overlap); {@code status} {@code null} lists all. */
  public Future<Page<DeliveryRecord>> list(UUID tenantId, DeliveryStatus status, int offset, int limit) {
    String where = " FROM deliveries WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2)";
    String statusValue = status == null ? null : status.dbValue();
    Future<List<DeliveryRecord>> page = pool.preparedQuery("SELECT " + COLUMNS + where
            + " ORDER BY created_at DESC, id DESC OFFSET $3 LIMIT $4")
        .execute(Tuple.of(tenantId, statusValue, offset, limit))
        .map(DeliveryRepository::all);
    Future<Long> total = pool.preparedQuery("SELECT count(*)" + where)
        .execute(Tuple.of(tenantId, statusValue))
        .map(rows -> rows.iterator().next().getLong(0));
    return Future.all(page, total).map(done -> new Page<>(page.result(), total.result()));
  }

  /**
   * Puts a dead delivery back in the queue as if new: pending, due now, no attempts, no error, keeping its id
   * (so a receiver that did get it after all de-duplicates). Refused unless it is {@code dead} now.
   */
  public Future<StateChange<DeliveryRecord>> replay(UUID tenantId, String id, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(),"
            + " last_error = NULL, lease_until = NULL WHERE id = $1 AND tenant_id = $2 AND status = 'dead'"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(id, tenantId))
        .map(rows -> Rows.firstOrNull(rows, DeliveryRepository::map))
        .compose(replayed -> replayed == null
            ? find(conn, tenantId, id).map(StateChange::refused)
            : audit.append(conn, ctx, "delivery_replay", "Delivery", id).map(done -> StateChange.applied(replayed))));
  }

  private static Future<DeliveryRecord> find(SqlClient on, UUID tenantId, String id) {
    return on.preparedQuery("SELECT " + COLUMNS + " FROM deliveries WHERE id = $1 AND tenant_id = $2")
        .execute(Tuple.of(id, tenantId))
        .map(rows -> Rows.firstOrNull(rows, DeliveryRepository::map));
  }

  private static List<DeliveryRecord> all(Iterable<Row> rows) {
    List<DeliveryRecord> deliveries = new ArrayList<>();
    rows.forEach(row -> deliveries.add(map(row)));
    return deliveries;
  }

  private static DeliveryRecord map(Row row) {
    return new DeliveryRecord(row.getString("id"), row.getUUID("tenant_id"), row.getString("channel"),
        row.getString("event_type"), row.getString("recipient"), DeliveryStatus.fromDb(row.getString("status")),
        row.getInteger("attempts"), row.getString("last_error"), Rows.instant(row, "created_at"),
        Rows.instant(row, "next_attempt_at"), Rows.instant(row, "sent_at"));
  }
}
