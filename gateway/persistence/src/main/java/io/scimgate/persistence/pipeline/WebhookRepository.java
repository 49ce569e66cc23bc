package io.scimgate.persistence.pipeline;

import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** A tenant's webhook endpoint (at most one); every change is audited in its own transaction. */
public final class WebhookRepository {
  private static final String COLUMNS = "tenant_id, url, enabled, created_at, updated_at";

  private final Pool pool;
  private final AuditLog audit;

  public WebhookRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  /** The endpoint, or {@code null} when the tenant has none. */
  public Future<WebhookEndpoint> get(UUID tenantId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = $1")
        .execute(Tuple.of(tenantId))
        .map(rows -> Rows.firstOrNull(rows, WebhookRepository::map));
  }

  /** Creates or replaces the endpoint; {@code secretEncrypted} is stored as given (sealed by the caller). */
  public Future<WebhookEndpoint> put(UUID tenantId, String url, String secretEncrypted, boolean enabled,
      AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("INSERT INTO webhook_endpoints (tenant_id, url, secret_encrypted, enabled)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id) DO UPDATE SET url = EXCLUDED.url,"
            + " secret_encrypted = EXCLUDED.secret_encrypted, enabled = EXCLUDED.enabled, updated_at = now()"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(tenantId, url, secretEncrypted, enabled))
        .map(rows -> Rows.firstOrNull(rows, WebhookRepository::map))
        .compose(endpoint -> audit.append(conn, ctx, "webhook_update", "Webhook", tenantId.toString())
            .map(done -> endpoint)));
  }

  /** Removes the endpoint; {@code false} when there was none (nothing audited then). */
  public Future<Boolean> delete(UUID tenantId, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("DELETE FROM webhook_endpoints WHERE tenant_id = $1")
        .execute(Tuple.of(tenantId))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
            : audit.append(conn, ctx, "webhook_delete", "Webhook", tenantId.toString()).map(done -> true)));
  }

  private static WebhookEndpoint map(Row row) {
    return new WebhookEndpoint(row.getUUID("tenant_id"), row.getString("url"), row.getBoolean("enabled"),
        Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
  }
}
