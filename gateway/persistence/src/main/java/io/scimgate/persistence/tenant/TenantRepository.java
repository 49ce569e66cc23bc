package io.scimgate.persistence.tenant;

import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.notify.ChangeNotices;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tenants. Changes to the SCIM flag are announced to every node (see {@link ChangeNotices}). */
public final class TenantRepository {
  private static final String COLUMNS = "id, name, scim_enabled, created_at, updated_at";

  private final Pool pool;
  private final AuditLog audit;

  public TenantRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  public Future<Tenant> create(UUID id, String name, boolean scimEnabled) {
    return pool.preparedQuery("INSERT INTO tenants (id, name, scim_enabled) VALUES ($1, $2, $3) RETURNING " + COLUMNS)
        .execute(Tuple.of(id, name, scimEnabled))
        .map(rows -> Rows.firstOrNull(rows, TenantRepository::map));
  }

  /** The tenant, or {@code null}. */
  public Future<Tenant> get(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM tenants WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> Rows.firstOrNull(rows, TenantRepository::map));
  }

  /**
   * Oldest first, keyed by (created_at, id) so that pages never overlap; with {@code nameContains}, only tenants
   * whose name contains it, case-insensitively (as a plain substring: no wildcards).
   */
  public Future<List<Tenant>> list(String nameContains, int offset, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM tenants WHERE " + NAME_MATCHES
            + " ORDER BY created_at, id OFFSET $2 LIMIT $3")
        .execute(Tuple.of(nameContains, offset, limit))
        .map(rows -> {
          List<Tenant> tenants = new ArrayList<>();
          rows.forEach(row -> tenants.add(map(row)));
          return tenants;
        });
  }

  public Future<Long> count(String nameContains) {
    return pool.preparedQuery("SELECT count(*) FROM tenants WHERE " + NAME_MATCHES)
        .execute(Tuple.of(nameContains))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** {@code $1}: the text the name must contain, or null for every tenant (as the group picker searches). */
  private static final String NAME_MATCHES = "($1::text IS NULL OR strpos(lower(name), lower($1)) > 0)";

  /** Sets the SCIM flag, audits it and tells every node; the updated tenant, or {@code null} if unknown. */
  public Future<Tenant> setScimEnabled(UUID id, boolean enabled, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE tenants SET scim_enabled = $2, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, enabled))
        .map(rows -> Rows.firstOrNull(rows, TenantRepository::map))
        .compose(tenant -> tenant == null ? Future.succeededFuture(null)
            : audit.append(conn, ctx, enabled ? "scim_enable" : "scim_disable", "Tenant", id.toString())
                .compose(done -> ChangeNotices.tenantChanged(conn, id))
                .map(done -> tenant)));
  }

  private static Tenant map(Row row) {
    return new Tenant(row.getUUID("id"), row.getString("name"), row.getBoolean("scim_enabled"),
        Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
  }
}
