package io.scimgate.persistence.pipeline;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.events.EventType;
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
  /**
   * The people a save of groups {@code $2} with the toggle on would have the relay invite at once: the groups it
   * backfills are all of them when the toggle is off now ("turned on"), else those not selected yet ("added");
   * of the people their members (active SCIM users) are, those the invite policy's eligibility admits (imported,
   * SCIM-active, no invitation for the current round yet), each person once.
   */
  private static final String BACKFILL_COUNT = "WITH was_on AS (SELECT coalesce((SELECT enabled"
      + " FROM auto_invite_settings WHERE tenant_id = $1), false) AS enabled),"
      + " backfilled AS (SELECT g.id FROM unnest($2::uuid[]) AS g(id), was_on WHERE NOT was_on.enabled"
      + " OR g.id NOT IN (SELECT group_id FROM auto_invite_groups WHERE tenant_id = $1))"
      + " SELECT count(DISTINCT p.id) FROM backfilled b JOIN scim_group_members m ON m.group_id = b.id"
      + " JOIN person_identities pi ON pi.user_id = m.member_id AND pi.active JOIN personnel p ON p.id = pi.person_id"
      + " WHERE p.tenant_id = $1 AND p.status = 'imported' AND p.scim_active"
      + " AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = p.id AND i.round = p.invite_round)";

  /**
   * {@link InviteProgress} in one round trip. {@code to_invite} is the invite policy's eligibility over all
   * selected groups while the toggle is on (so 0 once the relay caught up); the delivery counts are per person,
   * whatever the channels (an invitation may go by e-mail and by webhook).
   */
  private static final String PROGRESS = "SELECT (SELECT count(DISTINCT p.id) FROM auto_invite_settings s"
      + " JOIN auto_invite_groups a ON a.tenant_id = s.tenant_id"
      + " JOIN scim_group_members m ON m.group_id = a.group_id"
      + " JOIN person_identities pi ON pi.user_id = m.member_id AND pi.active JOIN personnel p ON p.id = pi.person_id"
      + " WHERE s.tenant_id = $1 AND s.enabled AND p.tenant_id = $1 AND p.status = 'imported' AND p.scim_active"
      + " AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = p.id AND i.round = p.invite_round)),"
      + " (SELECT count(DISTINCT coalesce(d.data->>'personId', d.id)) FROM deliveries d WHERE d.tenant_id = $1"
      + " AND d.status IN ('pending', 'sending') AND d.event_type = 'personnel.invited'),"
      + " (SELECT count(DISTINCT coalesce(d.data->>'personId', d.id)) FROM deliveries d WHERE d.tenant_id = $1"
      + " AND d.status = 'dead' AND d.event_type = 'personnel.invited')";

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

  /** Where the tenant's invitations stand: still to invite, still to send, given up on. */
  public Future<InviteProgress> progress(UUID tenantId) {
    return pool.preparedQuery(PROGRESS).execute(Tuple.of(tenantId)).map(rows -> {
      Row row = rows.iterator().next();
      return new InviteProgress(row.getLong(0), row.getLong(1), row.getLong(2));
    });
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

  /**
   * How many people {@link #replace} with these arguments would invite right away: whom the relay's backfill of
   * the {@code invites.settings_changed} event it writes invites (the invite policy; none when not
   * {@code enabled}). Validates the ids as {@link #replace} does; writes and locks nothing.
   */
  public Future<Long> preview(UUID tenantId, boolean enabled, List<UUID> groupIds) {
    List<UUID> wanted = List.copyOf(new LinkedHashSet<>(groupIds));
    return checkGroups(pool, tenantId, wanted, false)
        .compose(checked -> !enabled || wanted.isEmpty() ? Future.succeededFuture(0L)
            : pool.preparedQuery(BACKFILL_COUNT).execute(Tuple.of(tenantId, (Object) wanted.toArray(UUID[]::new)))
                .map(rows -> rows.iterator().next().getLong(0)));
  }

  private static Future<Void> write(SqlConnection conn, UUID tenantId, boolean enabled, List<UUID> groupIds,
      boolean turnedOn) {
    return checkGroups(conn, tenantId, groupIds, true)
        .compose(checked -> replaceGroups(conn, tenantId, groupIds))
        .compose(added -> OutboxEvents.append(conn, tenantId, null, EventType.INVITES_SETTINGS_CHANGED, null,
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

  /**
   * Fails unless every id is a group of the tenant. For a write ({@code lock}), key-share locks keep the groups
   * from being deleted before it commits; a preview locks nothing.
   */
  private static Future<Void> checkGroups(SqlClient on, UUID tenantId, List<UUID> groupIds, boolean lock) {
    if (groupIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return on.preparedQuery("SELECT id FROM scim_groups WHERE tenant_id = $1 AND id = ANY($2)"
            + (lock ? " FOR KEY SHARE" : ""))
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
