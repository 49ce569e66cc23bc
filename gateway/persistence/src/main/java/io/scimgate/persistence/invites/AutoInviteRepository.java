package io.scimgate.persistence.invites;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Auto-invite settings. A replacement writes the toggle, the group set, an {@code invites.settings_changed}
 * outbox event and an audit row in one transaction: the relay's backfill sees exactly what was committed.
 */
public final class AutoInviteRepository {
  private final Pool pool;
  private final AuditLog audit;

  public AutoInviteRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  /** The tenant's settings; {@link AutoInviteSettings#DEFAULT} when never set. */
  public Future<AutoInviteSettings> get(UUID tenantId) {
    return read(pool, tenantId);
  }

  /**
   * Replaces the toggle and the selected groups (duplicate ids count once), and in the same transaction writes
   * the outbox event {@code invites.settings_changed} with {@code {"enabled", "groupIds", "addedGroupIds"
   * (not selected before), "turnedOn" (was off, now on)}} and an {@code auto_invites_update} audit row. Any id
   * that is not a SCIM group of the tenant fails the whole call with a 400 {@code invalidValue} naming those
   * ids, and nothing is written.
   */
  public Future<AutoInviteSettings> replace(UUID tenantId, boolean enabled, List<UUID> groupIds,
      AuditContext ctx) {
    List<UUID> wanted = List.copyOf(new LinkedHashSet<>(groupIds));
    return pool.withTransaction(conn -> lockSettings(conn, tenantId)
        .compose(wasEnabled -> write(conn, tenantId, enabled, wanted, enabled && !wasEnabled))
        .compose(done -> audit.append(conn, ctx, "auto_invites_update", "AutoInvites", tenantId.toString()))
        .compose(done -> read(conn, tenantId)));
  }

  private static Future<Void> write(SqlConnection conn, UUID tenantId, boolean enabled, List<UUID> groupIds,
      boolean turnedOn) {
    return checkGroups(conn, tenantId, groupIds)
        .compose(checked -> replaceGroups(conn, tenantId, groupIds))
        .compose(added -> OutboxEvents.append(conn, tenantId, null, OutboxEvents.SETTINGS_CHANGED, null,
            eventData(enabled, groupIds, added, turnedOn)))
        .compose(done -> conn.preparedQuery("UPDATE auto_invite_settings SET enabled = $2, updated_at = now()"
            + " WHERE tenant_id = $1").execute(Tuple.of(tenantId, enabled)))
        .mapEmpty();
  }

  /**
   * Creates the settings row if missing and locks it, so that concurrent replacements of one tenant queue and
   * each computes "added" and "turned on" against the one committed before it. Completes with the toggle as it
   * was before this call.
   */
  private static Future<Boolean> lockSettings(SqlConnection conn, UUID tenantId) {
    return conn.preparedQuery("INSERT INTO auto_invite_settings (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(tenantId))
        .compose(done -> conn.preparedQuery("SELECT enabled FROM auto_invite_settings WHERE tenant_id = $1"
            + " FOR UPDATE").execute(Tuple.of(tenantId)))
        .map(rows -> rows.iterator().next().getBoolean("enabled"));
  }

  /** Fails unless every id is a group of the tenant; key-share locks keep them from being deleted meanwhile. */
  private static Future<Void> checkGroups(SqlConnection conn, UUID tenantId, List<UUID> groupIds) {
    if (groupIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery("SELECT id FROM scim_groups WHERE tenant_id = $1 AND id = ANY($2) FOR KEY SHARE")
        .execute(Tuple.of(tenantId, (Object) groupIds.toArray(UUID[]::new)))
        .map(rows -> {
          Set<UUID> found = new HashSet<>();
          rows.forEach(row -> found.add(row.getUUID("id")));
          List<UUID> unknown = groupIds.stream().filter(id -> !found.contains(id)).toList();
          if (!unknown.isEmpty()) {
            throw ScimException.invalidValue("Not SCIM groups of this tenant: " + unknown);
          }
          return null;
        });
  }

  /** Makes the selected set exactly {@code groupIds}; the ids that were not selected before, in request order. */
  private static Future<List<UUID>> replaceGroups(SqlConnection conn, UUID tenantId, List<UUID> groupIds) {
    return conn.preparedQuery("WITH removed AS (DELETE FROM auto_invite_groups WHERE tenant_id = $1"
            + " AND group_id <> ALL($2)) INSERT INTO auto_invite_groups (tenant_id, group_id)"
            + " SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING group_id")
        .execute(Tuple.of(tenantId, (Object) groupIds.toArray(UUID[]::new)))
        .map(rows -> {
          Set<UUID> inserted = new HashSet<>();
          rows.forEach(row -> inserted.add(row.getUUID("group_id")));
          return groupIds.stream().filter(inserted::contains).toList();
        });
  }

  /** {@code {"enabled", "groupIds", "addedGroupIds", "turnedOn"}}: what the relay needs to backfill. */
  private static JsonObject eventData(boolean enabled, List<UUID> groupIds, List<UUID> added, boolean turnedOn) {
    return new JsonObject().put("enabled", enabled).put("groupIds", ids(groupIds))
        .put("addedGroupIds", ids(added)).put("turnedOn", turnedOn);
  }

  private static JsonArray ids(List<UUID> ids) {
    JsonArray array = new JsonArray();
    ids.forEach(id -> array.add(id.toString()));
    return array;
  }

  private static Future<AutoInviteSettings> read(SqlClient on, UUID tenantId) {
    Future<Boolean> enabled = on.preparedQuery("SELECT enabled FROM auto_invite_settings WHERE tenant_id = $1")
        .execute(Tuple.of(tenantId))
        .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("enabled"));
    Future<List<AutoInviteGroup>> groups = on.preparedQuery("SELECT g.id, g.product_name, g.display_name"
            + " FROM auto_invite_groups a JOIN scim_groups g ON g.id = a.group_id"
            + " WHERE a.tenant_id = $1 ORDER BY g.product_name, g.id")
        .execute(Tuple.of(tenantId))
        .map(rows -> {
          List<AutoInviteGroup> list = new ArrayList<>();
          for (Row row : rows) {
            list.add(new AutoInviteGroup(row.getUUID("id"), row.getString("product_name"),
                row.getString("display_name")));
          }
          return list;
        });
    return Future.all(enabled, groups).map(done -> new AutoInviteSettings(enabled.result(), groups.result()));
  }
}
