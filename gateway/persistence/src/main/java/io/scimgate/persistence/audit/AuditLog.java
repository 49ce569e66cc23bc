package io.scimgate.persistence.audit;

import io.scimgate.persistence.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads and appends audit rows: the one owner of {@code audit_log}. SCIM writes append theirs inside their own
 * statement, with the statement part this class gives them ({@link #auditCte}, {@link #auditRowsCte}); the rest of
 * this class serves the admin API and admin actions.
 */
public final class AuditLog {
  /**
   * The insert that SCIM write statements embed as a data-modifying CTE, so that the change and its audit row
   * commit together in one round trip. Parameters {@code $1}..{@code $6} of such a statement are always those
   * of {@link #cteParams}; the resource id comes from the {@code id} column of the CTE named {@code source}.
   */
  public static String auditCte(String source) {
    return auditRowsCte("SELECT $1, $2, $3, $4, $5, $6, id::text FROM " + source);
  }

  /**
   * The same insert for a statement that appends several audit rows of its own making (a group-committed batch, one
   * row per request): {@code rows} is a {@code SELECT} of {@code tenant_id, connection_id, actor, request_id,
   * action, resource_type, resource_id}, in that order. The table and its columns stay this class's to name.
   */
  public static String auditRowsCte(String rows) {
    return "audit AS (INSERT INTO audit_log (tenant_id, connection_id, actor, request_id, action, resource_type,"
        + " resource_id) " + rows + ")";
  }

  /** The first six parameters of a statement that embeds {@link #auditCte}. */
  public static Tuple cteParams(AuditContext ctx, String action, String resourceType) {
    return Tuple.of(ctx.tenantId(), ctx.connectionId(), ctx.actor(), ctx.requestId(), action, resourceType);
  }

  private final SqlClient client;

  public AuditLog(SqlClient client) {
    this.client = client;
  }

  /** Appends one row (admin actions). */
  public Future<Void> append(SqlClient on, AuditContext ctx, String action, String resourceType, String resourceId) {
    return on.preparedQuery("INSERT INTO audit_log (tenant_id, connection_id, actor, action, resource_type,"
            + " resource_id, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.of(ctx.tenantId(), ctx.connectionId(), ctx.actor(), action, resourceType, resourceId,
            ctx.requestId()))
        .mapEmpty();
  }

  /** Newest first; {@code beforeId} (exclusive) pages backwards, {@code null} starts at the newest row. */
  public Future<List<AuditEntry>> list(UUID tenantId, Long beforeId, int limit) {
    return client.preparedQuery("SELECT * FROM audit_log WHERE tenant_id = $1 AND ($2::bigint IS NULL OR id < $2)"
            + " ORDER BY id DESC LIMIT $3")
        .execute(Tuple.of(tenantId, beforeId, limit))
        .map(rows -> {
          List<AuditEntry> entries = new ArrayList<>();
          for (Row row : rows) {
            entries.add(new AuditEntry(row.getLong("id"), row.getUUID("tenant_id"), row.getUUID("connection_id"),
                row.getString("actor"), row.getString("action"), row.getString("resource_type"),
                row.getString("resource_id"), row.getString("request_id"), Rows.instant(row, "at")));
          }
          return entries;
        });
  }
}
