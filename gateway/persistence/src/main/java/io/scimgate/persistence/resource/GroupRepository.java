package io.scimgate.persistence.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.Page;
import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SCIM groups of one connection, with membership in its own table keyed by (group, member): changing a
 * membership touches only the rows that change, whatever the group's size, and nothing reads membership rows
 * unless a response shows them.
 */
public final class GroupRepository {
  private static final String RETURNING = UserRepository.RETURNING + ", product_name";

  private final Pool pool;

  public GroupRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Inserts a group and its members in one transaction. Unknown member ids are a 400 {@code invalidValue} and
   * leave nothing behind.
   */
  public Future<StoredGroup> create(UUID id, ObjectNode doc, String productName, List<UUID> memberIds,
      AuditContext ctx) {
    String sql = "WITH ins AS (INSERT INTO scim_groups (id, tenant_id, connection_id, display_name, product_name,"
        + " external_id, doc, version, created_at, modified_at)"
        + " VALUES ($7, $1, $2, $8, $9, $10, $11::text::jsonb, 1, now(), now()) RETURNING " + RETURNING + "), "
        + AuditLog.auditCte("ins") + " SELECT * FROM ins";
    Tuple params = AuditLog.cteParams(ctx, "create", "Group").addValue(id).addValue(doc.path("displayName").asText())
        .addValue(productName).addValue(textOrNull(doc, "externalId")).addValue(ScimJson.write(doc));
    return pool.withTransaction(conn -> Memberships.resolve(conn, ctx.connectionId(), id, memberIds)
        .compose(types -> conn.preparedQuery(sql).execute(params)
            .map(rows -> Rows.firstOrNull(rows, GroupRepository::map))
            .compose(group -> Memberships.replace(conn, id, types).map(done -> group))));
  }

  /** The group, with its members when {@code withMembers}; {@code null} when it does not exist. */
  public Future<StoredGroup> get(UUID connectionId, UUID id, boolean withMembers) {
    return pool.preparedQuery("SELECT " + RETURNING + " FROM scim_groups WHERE id = $1 AND connection_id = $2")
        .execute(Tuple.of(id, connectionId))
        .map(rows -> Rows.firstOrNull(rows, GroupRepository::map))
        .compose(group -> group == null || !withMembers ? Future.succeededFuture(group)
            : Memberships.load(pool, List.of(id)).map(members -> group.withMembers(members.get(id))));
  }

  /**
   * Replaces the document (PUT) and, when {@code memberIds} is not {@code null}, the member set (only the
   * differences are written). {@code null} leaves membership as it is. Completes with {@code null} when the
   * group does not exist.
   */
  public Future<StoredGroup> replace(UUID id, ObjectNode doc, String productName, List<UUID> memberIds,
      AuditContext ctx) {
    String sql = "WITH upd AS (UPDATE scim_groups SET display_name = $8, product_name = $9, external_id = $10,"
        + " doc = $11::text::jsonb, version = version + 1, modified_at = now()"
        + " WHERE id = $7 AND connection_id = $2 RETURNING " + RETURNING + "), "
        + AuditLog.auditCte("upd") + " SELECT * FROM upd";
    Tuple params = AuditLog.cteParams(ctx, "replace", "Group").addValue(id)
        .addValue(doc.path("displayName").asText()).addValue(productName).addValue(textOrNull(doc, "externalId"))
        .addValue(ScimJson.write(doc));
    return pool.withTransaction(conn -> conn.preparedQuery(sql).execute(params)
        .map(rows -> Rows.firstOrNull(rows, GroupRepository::map))
        .compose(group -> group == null || memberIds == null ? Future.succeededFuture(group)
            : Memberships.resolve(conn, ctx.connectionId(), id, memberIds)
                .compose(types -> Memberships.replace(conn, id, types))
                .map(done -> group)));
  }

  /** Deletes the group, its own membership rows and its membership in other groups. */
  public Future<Boolean> delete(UUID id, AuditContext ctx) {
    return ResourceQueries.deleteWithMemberships(pool, "scim_groups", "Group", id, ctx);
  }

  /** A page of groups; members are read (in one query for the whole page) only when {@code withMembers}. */
  public Future<Page<StoredGroup>> list(UUID connectionId, SqlCondition where, int offset, int limit,
      boolean withMembers) {
    return ResourceQueries.page(pool, "scim_groups", RETURNING, connectionId, where, offset, limit,
            GroupRepository::map)
        .compose(page -> !withMembers || page.items().isEmpty() ? Future.succeededFuture(page)
            : Memberships.load(pool, page.items().stream().map(g -> g.resource().id()).toList())
                .map(members -> new Page<>(page.items().stream()
                    .map(g -> g.withMembers(members.get(g.resource().id()))).toList(), page.total())));
  }

  /** Product-side view of a tenant's groups: prefixed names, oldest first. */
  public Future<List<StoredGroup>> listByTenant(UUID tenantId, int offset, int limit) {
    return pool.preparedQuery("SELECT " + RETURNING + " FROM scim_groups WHERE tenant_id = $1"
            + " ORDER BY created_at, id OFFSET $2 LIMIT $3")
        .execute(Tuple.of(tenantId, offset, limit))
        .map(rows -> {
          List<StoredGroup> groups = new ArrayList<>();
          rows.forEach(row -> groups.add(map(row)));
          return groups;
        });
  }

  private static StoredGroup map(Row row) {
    return new StoredGroup(UserRepository.map(row), row.getString("product_name"), null);
  }

  private static String textOrNull(ObjectNode doc, String field) {
    return doc.path(field).isTextual() ? doc.get(field).asText() : null;
  }

  /** Membership rows: resolving member ids, replacing a member set, loading members for display. */
  static final class Memberships {
    private Memberships() {}

    /** Maps each requested id to User or Group; any id not found in this connection is a 400. */
    static Future<Map<UUID, String>> resolve(SqlClient on, UUID connectionId, UUID groupId, List<UUID> ids) {
      if (ids.isEmpty()) {
        return Future.succeededFuture(Map.of());
      }
      if (ids.contains(groupId)) {
        return Future.failedFuture(ScimException.invalidValue("A group cannot be a member of itself"));
      }
      UUID[] array = ids.toArray(UUID[]::new);
      return on.preparedQuery("SELECT id, 'User' AS type FROM scim_users WHERE connection_id = $1 AND id = ANY($2)"
              + " UNION ALL SELECT id, 'Group' FROM scim_groups WHERE connection_id = $1 AND id = ANY($2)")
          .execute(Tuple.of(connectionId, (Object) array))
          .map(rows -> {
            Map<UUID, String> types = new HashMap<>();
            rows.forEach(row -> types.put(row.getUUID("id"), row.getString("type")));
            List<UUID> unknown = ids.stream().filter(memberId -> !types.containsKey(memberId)).limit(5).toList();
            if (!unknown.isEmpty()) {
              throw ScimException.invalidValue("Unknown member id(s) in this connection: " + unknown);
            }
            return types;
          });
    }

    /** Makes the member set exactly {@code members}, writing only rows that are added or removed. */
    static Future<Void> replace(SqlClient on, UUID groupId, Map<UUID, String> members) {
      UUID[] ids = members.keySet().toArray(UUID[]::new);
      String[] types = new String[ids.length];
      for (int i = 0; i < ids.length; i++) {
        types[i] = members.get(ids[i]);
      }
      return on.preparedQuery("WITH wanted AS (SELECT * FROM unnest($2::uuid[], $3::text[]) AS w(member_id, member_type)),"
              + " removed AS (DELETE FROM scim_group_members gm WHERE gm.group_id = $1"
              + " AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.member_id = gm.member_id))"
              + " INSERT INTO scim_group_members (group_id, member_id, member_type)"
              + " SELECT $1, member_id, member_type FROM wanted ON CONFLICT DO NOTHING")
          .execute(Tuple.of(groupId, ids, types))
          .mapEmpty();
    }

    /** Members of each group, ordered by member id, with display names read from the member rows. */
    static Future<Map<UUID, List<GroupMember>>> load(SqlClient on, List<UUID> groupIds) {
      return on.preparedQuery("SELECT gm.group_id, gm.member_id, gm.member_type,"
              + " coalesce(u.display_name, u.user_name, g.display_name) AS display"
              + " FROM scim_group_members gm"
              + " LEFT JOIN scim_users u ON gm.member_type = 'User' AND u.id = gm.member_id"
              + " LEFT JOIN scim_groups g ON gm.member_type = 'Group' AND g.id = gm.member_id"
              + " WHERE gm.group_id = ANY($1) ORDER BY gm.group_id, gm.member_id")
          .execute(Tuple.of(groupIds.toArray(UUID[]::new)))
          .map(rows -> {
            Map<UUID, List<GroupMember>> byGroup = new HashMap<>();
            groupIds.forEach(groupId -> byGroup.put(groupId, new ArrayList<>()));
            for (Row row : rows) {
              byGroup.get(row.getUUID("group_id")).add(new GroupMember(row.getUUID("member_id"),
                  row.getString("member_type"), row.getString("display")));
            }
            return byGroup;
          });
    }
  }
}
