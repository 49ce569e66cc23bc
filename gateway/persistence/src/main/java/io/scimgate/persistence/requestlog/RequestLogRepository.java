package io.scimgate.persistence.requestlog;

import io.scimgate.persistence.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SCIM request log and each connection's activity. Written in batches (one statement per batch, however
 * many requests it holds), read by the admin API, pruned by age and by rows per connection.
 */
public final class RequestLogRepository {
  /**
   * One round trip for a whole batch: the log rows through {@code unnest} (one array per column, far cheaper
   * than a statement per row or {@code executeBatch}), and in the same statement the activity of the
   * connections whose requests were authenticated. Upserts go in connection order so that two nodes flushing
   * at once lock the same rows in the same order and never deadlock.
   */
  private static final String APPEND = """
      WITH batch AS (
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::smallint[],
                             $7::text[], $8::text[], $9::text[], $10::boolean[])
          AS b(tenant_id, connection_id, at, method, path, status, scim_type, detail, request_id, authenticated)),
      logged AS (
        INSERT INTO scim_request_log (tenant_id, connection_id, at, method, path, status, scim_type, detail, request_id)
        SELECT tenant_id, connection_id, at, method, path, status, scim_type, detail, request_id FROM batch)
      INSERT INTO connection_activity (connection_id, tenant_id, first_request_at, last_request_at)
      SELECT connection_id, tenant_id, min(at), max(at) FROM batch WHERE authenticated
      GROUP BY connection_id, tenant_id ORDER BY connection_id
      ON CONFLICT (connection_id) DO UPDATE
        SET last_request_at = GREATEST(connection_activity.last_request_at, EXCLUDED.last_request_at)""";

  /**
   * Counts per connection: users and groups by index-only scans of their {@code (connection_id, created_at, id)}
   * indexes, failures through the partial index on failed requests.
   */
  private static final String ACTIVITY = """
      SELECT c.id, a.first_request_at, a.last_request_at,
        (SELECT count(*) FROM scim_users u WHERE u.connection_id = c.id) AS users,
        (SELECT count(*) FROM scim_groups g WHERE g.connection_id = c.id) AS groups,
        (SELECT count(*) FROM scim_request_log l WHERE l.connection_id = c.id AND l.status >= 400
           AND l.at > now() - interval '24 hours') AS failures
      FROM connections c LEFT JOIN connection_activity a ON a.connection_id = c.id
      WHERE c.tenant_id = $1 AND ($2::uuid IS NULL OR c.id = $2)""";

  private static final String PRUNE_OLD = "DELETE FROM scim_request_log WHERE id IN"
      + " (SELECT id FROM scim_request_log WHERE at < $1 LIMIT $2)";

  /** The rows of each connection beyond its newest {@code $1}, at most {@code $2} of them. */
  private static final String PRUNE_OVERFLOW = """
      DELETE FROM scim_request_log WHERE id IN (
        SELECT old.id FROM connections c
        CROSS JOIN LATERAL (SELECT id FROM scim_request_log WHERE connection_id = c.id
                            ORDER BY id DESC OFFSET $1 LIMIT 1) cut
        CROSS JOIN LATERAL (SELECT id FROM scim_request_log WHERE connection_id = c.id AND id <= cut.id
                            ORDER BY id LIMIT $2) old
        LIMIT $2)""";

  private final Pool pool;

  public RequestLogRepository(Pool pool) {
    this.pool = pool;
  }

  /** Writes a batch in one statement. */
  public Future<Void> append(List<LoggedRequest> batch) {
    int n = batch.size();
    UUID[] tenants = new UUID[n];
    UUID[] connections = new UUID[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    String[] methods = new String[n];
    String[] paths = new String[n];
    Short[] statuses = new Short[n];
    String[] scimTypes = new String[n];
    String[] details = new String[n];
    String[] requestIds = new String[n];
    Boolean[] authenticated = new Boolean[n];
    for (int i = 0; i < n; i++) {
      LoggedRequest request = batch.get(i);
      tenants[i] = request.tenantId();
      connections[i] = request.connectionId();
      at[i] = request.at().atOffset(ZoneOffset.UTC);
      methods[i] = request.method();
      paths[i] = request.path();
      statuses[i] = (short) request.status();
      scimTypes[i] = request.scimType();
      details[i] = request.detail();
      requestIds[i] = request.requestId();
      authenticated[i] = request.authenticated();
    }
    return pool.preparedQuery(APPEND)
        .execute(Tuple.wrap(new Object[] {tenants, connections, at, methods, paths, statuses, scimTypes, details,
            requestIds, authenticated}))
        .mapEmpty();
  }

  /** Newest first; {@code beforeId} (exclusive) pages backwards, {@code null} starts at the newest row. */
  public Future<List<RequestLogEntry>> list(UUID connectionId, Long beforeId, int limit) {
    return pool.preparedQuery("SELECT id, at, method, path, status, scim_type, detail, request_id"
            + " FROM scim_request_log WHERE connection_id = $1 AND ($2::bigint IS NULL OR id < $2)"
            + " ORDER BY id DESC LIMIT $3")
        .execute(Tuple.of(connectionId, beforeId, limit))
        .map(rows -> {
          List<RequestLogEntry> entries = new ArrayList<>(rows.size());
          for (Row row : rows) {
            entries.add(new RequestLogEntry(row.getLong("id"), Rows.instant(row, "at"), row.getString("method"),
                row.getString("path"), row.getShort("status"), row.getString("scim_type"),
                row.getString("detail"), row.getString("request_id")));
          }
          return entries;
        });
  }

  /** The activity of every connection of a tenant (deleted ones too: callers pick the ones they show). */
  public Future<Map<UUID, ConnectionActivity>> activities(UUID tenantId) {
    return pool.preparedQuery(ACTIVITY).execute(Tuple.of(tenantId, (UUID) null))
        .map(RequestLogRepository::activities);
  }

  /** The activity of one connection of this tenant; {@link ConnectionActivity#NONE} when it is not one. */
  public Future<ConnectionActivity> activity(UUID tenantId, UUID connectionId) {
    return pool.preparedQuery(ACTIVITY).execute(Tuple.of(tenantId, connectionId))
        .map(rows -> activities(rows).getOrDefault(connectionId, ConnectionActivity.NONE));
  }

  private static Map<UUID, ConnectionActivity> activities(RowSet<Row> rows) {
    Map<UUID, ConnectionActivity> byConnection = new HashMap<>();
    for (Row row : rows) {
      byConnection.put(row.getUUID("id"), new ConnectionActivity(Rows.instant(row, "first_request_at"),
          Rows.instant(row, "last_request_at"), row.getLong("users"), row.getLong("groups"),
          row.getLong("failures")));
    }
    return byConnection;
  }

  /** Deletes at most {@code batch} rows older than {@code retention}; completes with how many it deleted. */
  public Future<Integer> pruneOlderThan(Duration retention, int batch) {
    OffsetDateTime cutoff = Instant.now().minus(retention).atOffset(ZoneOffset.UTC);
    return pool.preparedQuery(PRUNE_OLD).execute(Tuple.of(cutoff, batch)).map(RowSet::rowCount);
  }

  /** Deletes at most {@code batch} rows beyond each connection's newest {@code keep}; how many it deleted. */
  public Future<Integer> pruneBeyond(int keep, int batch) {
    return pool.preparedQuery(PRUNE_OVERFLOW).execute(Tuple.of(keep, batch)).map(RowSet::rowCount);
  }
}
