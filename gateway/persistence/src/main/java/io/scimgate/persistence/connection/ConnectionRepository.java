package io.scimgate.persistence.connection;

import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.notify.ChangeNotices;
import io.scimgate.persistence.resource.GroupRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SCIM connections. Every change is audited and announced to all nodes in its own transaction, so that a
 * disabled, deleted or rotated connection stops accepting old tokens everywhere as soon as it commits.
 */
public final class ConnectionRepository {
  private static final String SELECT = "SELECT c.id, c.tenant_id, c.vendor, c.name, c.group_prefix, c.attribute_mappings, c.status,"
      + " c.token_generation, c.token_fingerprint, c.previous_token_generation, c.previous_token_valid_until,"
      + " c.created_at, c.updated_at, c.rate_limit_rps, c.rate_limit_burst, c.advertise_pagination, t.scim_enabled FROM connections c JOIN tenants t ON t.id = c.tenant_id ";

  private final Pool pool;
  private final AuditLog audit;

  public ConnectionRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  /** Inserts an enabled connection whose first token (generation 1) has {@code fingerprint}. */
  public Future<ScimConnection> create(UUID id, String vendor, AdminConnectionSettings settings, String fingerprint,
      AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, attribute_mappings, status,"
            + " token_generation, token_fingerprint, rate_limit_rps, rate_limit_burst, advertise_pagination)"
            + " VALUES ($1, $2, $3, $4, $5, $6, 'enabled', 1, $7, $8, $9, $10)")
        .execute(Tuple.of(id, ctx.tenantId(), vendor, settings.name(), settings.groupPrefix(),
            new JsonObject(new LinkedHashMap<String, Object>(settings.attributeMappings())), fingerprint,
            rps(settings.rateLimit()), burst(settings.rateLimit()), settings.advertisePagination()))
        .compose(done -> changed(conn, id, ctx, "connection_create")));
  }

  /**
   * Replaces name, group prefix, attribute mappings, request budget and the pagination flag; the updated connection,
   * or {@code null} if unknown. A new group prefix renames the product-side name of every group of the connection
   * in the same transaction (see {@link GroupRepository#changePrefix}): the prefix is read under the row lock, so
   * concurrent changes apply one after the other and each moves the groups from the prefix it replaced.
   */
  public Future<ScimConnection> updateSettings(UUID tenantId, UUID id, AdminConnectionSettings settings,
      AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE connections c SET name = $3, group_prefix = $4, attribute_mappings = $5,"
            + " rate_limit_rps = $6, rate_limit_burst = $7, advertise_pagination = $8, updated_at = now()"
            + " FROM (SELECT id, group_prefix FROM connections WHERE id = $1 AND tenant_id = $2"
            + " AND status <> 'deleted' FOR UPDATE) old WHERE c.id = old.id RETURNING old.group_prefix")
        .execute(Tuple.of(id, tenantId, settings.name(), settings.groupPrefix(),
            new JsonObject(new LinkedHashMap<String, Object>(settings.attributeMappings())),
            rps(settings.rateLimit()), burst(settings.rateLimit()), settings.advertisePagination()))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null)
            : GroupRepository.changePrefix(conn, id, rows.iterator().next().getString(0), settings.groupPrefix())
                .compose(renamed -> changed(conn, id, ctx, "connection_settings"))));
  }

  /** The connection (whatever its status), or {@code null}. */
  public Future<ScimConnection> get(UUID id) {
    return pool.preparedQuery(SELECT + "WHERE c.id = $1").execute(Tuple.of(id)).map(ConnectionRepository::first);
  }

  /** A tenant's connections that are not deleted, oldest first. */
  public Future<List<ScimConnection>> listByTenant(UUID tenantId) {
    return pool.preparedQuery(SELECT + "WHERE c.tenant_id = $1 AND c.status <> 'deleted' ORDER BY c.created_at, c.id")
        .execute(Tuple.of(tenantId)).map(ConnectionRepository::all);
  }

  /** Every connection that can still authenticate, for a node's in-memory view. */
  public Future<List<ScimConnection>> listActive() {
    return pool.query(SELECT + "WHERE c.status <> 'deleted'").execute().map(ConnectionRepository::all);
  }

  /** Sets the status; the updated connection, or {@code null} when it is unknown or already deleted. */
  public Future<ScimConnection> setStatus(UUID tenantId, UUID id, ConnectionStatus status, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE connections SET status = $3, updated_at = now()"
            + " WHERE id = $1 AND tenant_id = $2 AND status <> 'deleted' RETURNING id")
        .execute(Tuple.of(id, tenantId, status.dbValue()))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null)
            : changed(conn, id, ctx, "connection_" + status.dbValue())));
  }

  /**
   * Moves to token generation {@code expectedGeneration + 1}. The old generation keeps working until
   * {@code graceUntil} ({@code null}: stops at once). Optimistic: completes with {@code null} when the connection
   * is unknown, deleted, or was rotated concurrently (its generation is no longer {@code expectedGeneration}).
   */
  public Future<ScimConnection> rotateToken(UUID tenantId, UUID id, int expectedGeneration, String newFingerprint,
      Instant graceUntil, AuditContext ctx) {
    OffsetDateTime until = graceUntil == null ? null : graceUntil.atOffset(ZoneOffset.UTC);
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE connections SET token_generation = token_generation + 1, token_fingerprint = $4,"
            + " previous_token_generation = CASE WHEN $5::timestamptz IS NULL THEN NULL ELSE token_generation END,"
            + " previous_token_valid_until = $5, updated_at = now()"
            + " WHERE id = $1 AND tenant_id = $2 AND token_generation = $3 AND status <> 'deleted' RETURNING id")
        .execute(Tuple.of(id, tenantId, expectedGeneration, newFingerprint, until))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null)
            : changed(conn, id, ctx, "token_rotate")));
  }

  private Future<ScimConnection> changed(SqlConnection conn, UUID id, AuditContext ctx, String action) {
    return audit.append(conn, ctx, action, "Connection", id.toString())
        .compose(done -> ChangeNotices.connectionChanged(conn, id))
        .compose(done -> conn.preparedQuery(SELECT + "WHERE c.id = $1").execute(Tuple.of(id)))
        .map(ConnectionRepository::first);
  }

  private static ScimConnection first(RowSet<Row> rows) {
    return Rows.firstOrNull(rows, ConnectionRepository::map);
  }

  private static List<ScimConnection> all(RowSet<Row> rows) {
    List<ScimConnection> list = new ArrayList<>(rows.size());
    rows.forEach(row -> list.add(map(row)));
    return list;
  }

  private static Map<String, String> mappings(JsonObject json) {
    Map<String, String> mappings = new LinkedHashMap<>();
    json.forEach(entry -> mappings.put(entry.getKey(), String.valueOf(entry.getValue())));
    return mappings;
  }

  private static Integer rps(RateLimit limit) {
    return limit == null ? null : limit.requestsPerSecond();
  }

  private static Integer burst(RateLimit limit) {
    return limit == null ? null : limit.burst();
  }

  private static RateLimit rateLimit(Row row) {
    Integer rps = row.getInteger("rate_limit_rps");
    return rps == null ? null : new RateLimit(rps, row.getInteger("rate_limit_burst"));
  }

  private static ScimConnection map(Row row) {
    return new ScimConnection(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("vendor"),
        row.getString("name"), row.getString("group_prefix"), mappings(row.getJsonObject("attribute_mappings")),
        ConnectionStatus.fromDb(row.getString("status")),
        row.getInteger("token_generation"), row.getString("token_fingerprint"),
        row.getInteger("previous_token_generation"), Rows.instant(row, "previous_token_valid_until"),
        row.getBoolean("scim_enabled"), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"),
        rateLimit(row), row.getBoolean("advertise_pagination"));
  }
}
