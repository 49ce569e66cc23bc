package io.scimgate.persistence.resource;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.Rows;
import io.scimgate.scim.patch.MemberChanges;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Membership rows: resolving member ids, replacing a member set, loading members for display. */
final class Memberships {
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
            + " INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
            + " SELECT (SELECT tenant_id FROM scim_groups WHERE id = $1), $1, member_id, member_type FROM wanted"
            + " ON CONFLICT DO NOTHING")
        .execute(Tuple.of(groupId, ids, types))
        .recover(Memberships::unknownIfDeleted)
        .mapEmpty();
}

  /** Membership rows with each member's current name ({@code display}, the user's or the group's). */
  private static final String MEMBER_ROWS = "SELECT gm.group_id, gm.member_id, gm.member_type,"
      + " coalesce(u.display_name, u.user_name, g.display_name) AS display"
      + " FROM scim_group_members gm"
      + " LEFT JOIN scim_users u ON gm.member_type = 'User' AND u.id = gm.member_id"
      + " LEFT JOIN scim_groups g ON gm.member_type = 'Group' AND g.id = gm.member_id";

  /** Members of each group, ordered by member id, with display names read from the member rows. */
  static Future<Map<UUID, List<GroupMember>>> load(SqlClient on, List<UUID> groupIds) {
    return on.preparedQuery(MEMBER_ROWS + " WHERE gm.group_id = ANY($1) ORDER BY gm.group_id, gm.member_id")
        .execute(Tuple.of(groupIds.toArray(UUID[]::new)))
        .map(rows -> {
          Map<UUID, List<GroupMember>> byGroup = new HashMap<>();
          groupIds.forEach(groupId -> byGroup.put(groupId, new ArrayList<>()));
          for (Row row : rows) {
            byGroup.get(row.getUUID("group_id")).add(member(row));
          }
          return byGroup;
        });
}

  /**
   * At most {@code limit} members of one group whose ids follow {@code after} ({@code null}: from the first), in
   * the order of {@link #load}. Two statements rather than one with {@code $n IS NULL OR ...}: a generic plan of
   * that one could not bound the index range scan of the primary key, and each page would scan the group from
   * its start.
   */
  static Future<List<GroupMember>> page(SqlClient on, UUID groupId, UUID after, int limit) {
    Tuple params = after == null ? Tuple.of(groupId, limit) : Tuple.of(groupId, limit, after);
    return on.preparedQuery(pageSql(after != null)).execute(params).map(rows -> {
      List<GroupMember> members = new ArrayList<>(rows.size());
      rows.forEach(row -> members.add(member(row)));
      return members;
    });
  }

  /**
   * The statement of {@link #page}: {@code $1} the group, {@code $2} the limit, {@code $3} the last id sent. The
   * names are those of {@link #MEMBER_ROWS}, read by one lookup per member returned: with joins, PostgreSQL merged
   * the page with the users' primary key read from its start, so each page cost its position in the group (19 ms
   * for the page half-way through 100,000 members, 1.5 ms this way).
   */
  static String pageSql(boolean after) {
    return "SELECT gm.member_id, gm.member_type, CASE gm.member_type"
        + " WHEN 'User' THEN (SELECT coalesce(u.display_name, u.user_name) FROM scim_users u WHERE u.id = gm.member_id)"
        + " ELSE (SELECT g.display_name FROM scim_groups g WHERE g.id = gm.member_id) END AS display"
        + " FROM scim_group_members gm WHERE gm.group_id = $1" + (after ? " AND gm.member_id > $3" : "")
        + " ORDER BY gm.member_id LIMIT $2";
  }

  private static GroupMember member(Row row) {
    return new GroupMember(row.getUUID("member_id"), row.getString("member_type"), row.getString("display"));
  }

  /**
   * Applies PATCH membership changes as row differences: with {@code replaceAll} the set becomes exactly the
   * added ids; otherwise added ids are inserted (unknown ones: 400, nothing written) and removed ids deleted.
   */
  static Future<Void> apply(SqlClient on, UUID connectionId, UUID groupId, MemberChanges changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture();
    }
    List<UUID> added = uuids(changes.added(), true);
    Future<Map<UUID, String>> resolved = resolve(on, connectionId, groupId, added);
    if (changes.replaceAll()) {
      return resolved.compose(types -> replace(on, groupId, types));
    }
    UUID[] removed = uuids(changes.removed(), false).toArray(UUID[]::new);
    return resolved.compose(types -> delete(on, groupId, removed).compose(done -> insert(on, groupId, types)));
  }

  private static Future<Void> delete(SqlClient on, UUID groupId, UUID[] memberIds) {
    if (memberIds.length == 0) {
      return Future.succeededFuture();
    }
    return on.preparedQuery("DELETE FROM scim_group_members WHERE group_id = $1 AND member_id = ANY($2)")
        .execute(Tuple.of(groupId, (Object) memberIds))
        .mapEmpty();
  }

  private static Future<Void> insert(SqlClient on, UUID groupId, Map<UUID, String> members) {
    if (members.isEmpty()) {
      return Future.succeededFuture();
    }
    UUID[] ids = members.keySet().toArray(UUID[]::new);
    String[] types = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      types[i] = members.get(ids[i]);
    }
    return on.preparedQuery("INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
            + " SELECT (SELECT tenant_id FROM scim_groups WHERE id = $1), $1, member_id, member_type"
            + " FROM unnest($2::uuid[], $3::text[]) AS m(member_id, member_type)"
            + " ON CONFLICT DO NOTHING")
        .execute(Tuple.of(groupId, ids, types))
        .recover(Memberships::unknownIfDeleted)
        .mapEmpty();
  }

  /**
   * A member deleted after it was resolved and before its row was inserted: the membership foreign keys (V010)
   * refuse the row, and the client gets what it would have got a moment later, a 400 for an unknown member.
   */
  static <T> Future<T> unknownIfDeleted(Throwable failure) {
    return Future.failedFuture(!Rows.isForeignKeyViolation(failure) ? failure
        : ScimException.invalidValue("Unknown member id(s) in this connection: a member was deleted meanwhile"));
  }

  /** Member ids as UUIDs; an id that is not one cannot name a member: 400 when adding, ignored when removing. */
  static List<UUID> uuids(Set<String> ids, boolean strict) {
    List<UUID> list = new ArrayList<>(ids.size());
    for (String id : ids) {
      try {
        list.add(UUID.fromString(id));
      } catch (IllegalArgumentException e) {
        if (strict) {
          throw ScimException.invalidValue("Unknown member id(s) in this connection: [" + id + "]");
        }
      }
    }
    return list;
  }
}
