package io.scimgate.persistence.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.Page;
import io.scimgate.persistence.Rows;
import io.scimgate.scim.patch.MemberChanges;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.query.ListStatements;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * SCIM groups of one connection, with membership in its own table keyed by (group, member): changing a
 * membership touches only the rows that change, whatever the group's size, and nothing reads membership rows
 * unless a response shows them.
 */
public final class GroupRepository {
  static final String RETURNING = UserRepository.RETURNING + ", product_name";
  /**
   * The product name to store ({@code $9}, computed with prefix {@code $12}), with the connection's prefix as
   * committed (the operand) in place of {@code $12}: a write that raced a prefix change (its node's view of the
   * connection not refreshed yet) stores the new prefix. A name that does not start with {@code $12} (a connector
   * that broke the contract of productGroupName) is stored as it is.
   */
  private static final String PRODUCT_NAME =
      "CASE WHEN starts_with($9, $12) THEN %s || substr($9, char_length($12) + 1) ELSE $9 END";

  private final Pool pool;
  private final MemberPatches memberPatches;

  public GroupRepository(Pool pool) {
    this.pool = pool;
    this.memberPatches = new MemberPatches(pool, patch -> patchMembersAlone(patch, null));
  }

  /**
   * Inserts a group and its members in one transaction. Unknown member ids are a 400 {@code invalidValue} and
   * leave nothing behind.
   */
  public Future<StoredGroup> create(UUID id, ObjectNode doc, ProductName productName, List<UUID> memberIds,
      AuditContext ctx) {
    // FOR SHARE: a prefix change (which locks the connection row) either waits for this insert, and then renames
    // the new group too, or commits first, and this insert reads its prefix
    String sql = "WITH prefix AS (SELECT group_prefix FROM connections WHERE id = $2 FOR SHARE),"
        + " ins AS (INSERT INTO scim_groups (id, tenant_id, connection_id, display_name, product_name,"
        + " external_id, doc, version, created_at, modified_at)"
        + " SELECT $7, $1, $2, $8, " + PRODUCT_NAME.formatted("prefix.group_prefix")
        + ", $10, $11::text::jsonb, 1, now(), now() FROM prefix RETURNING " + RETURNING + "), "
        + AuditLog.auditCte("ins") + " SELECT * FROM ins";
    Tuple params = AuditLog.cteParams(ctx, "create", "Group").addValue(id).addValue(doc.path("displayName").asText())
        .addValue(productName.name()).addValue(textOrNull(doc, "externalId")).addValue(ScimJson.write(doc))
        .addValue(productName.prefix());
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
   * One page of a group's members for an answer that streams them: at most {@code limit} members whose ids follow
   * {@code after} ({@code null}: from the first), ordered by id as {@link #get} orders them. Each page is its own
   * statement on a connection borrowed for it alone (keyset paging on the primary key, so every page costs the
   * same), so a slow reader of a huge group holds no database connection while its answer drains. The pages do
   * not share a snapshot: a membership change made while a group is streamed may show in the later pages only
   * (as one made between reading the group's row and reading its members may); each member appears at most once.
   */
  public Future<List<GroupMember>> members(UUID groupId, UUID after, int limit) {
    return Memberships.page(pool, groupId, after, limit);
  }

  /**
   * Replaces the document (PUT) and, when {@code memberIds} is not {@code null}, the member set (only the
   * differences are written). {@code null} leaves membership as it is. A stale {@code expectedVersion} is a
   * 412. Completes with {@code null} when the group does not exist.
   */
  public Future<StoredGroup> replace(UUID id, ObjectNode doc, ProductName productName, List<UUID> memberIds,
      Long expectedVersion, AuditContext ctx) {
    return pool.withTransaction(conn -> locked(conn, id, expectedVersion, ctx)
        .compose(stored -> stored == null ? Future.succeededFuture(null)
            : update(conn, id, doc, productName, "replace", ctx)
                .compose(group -> memberIds == null ? Future.succeededFuture(group)
                    : Memberships.resolve(conn, ctx.connectionId(), id, memberIds)
                        .compose(types -> Memberships.replace(conn, id, types))
                        .map(done -> group))));
  }

  /**
   * PATCH under a row lock: {@code change} computes the new document and the membership changes from the
   * stored group; membership rows are written as differences. Concurrent PATCHes of one group queue on the lock.
   * Completes with {@code null} when the group does not exist.
   */
  public Future<StoredGroup> patch(UUID id, Long expectedVersion, Function<StoredGroup, GroupChange> change,
      AuditContext ctx) {
    return pool.withTransaction(conn -> locked(conn, id, expectedVersion, ctx)
        .compose(stored -> {
          if (stored == null) {
            return Future.succeededFuture(null);
          }
          GroupChange changed = change.apply(stored);
          return update(conn, id, changed.doc(), changed.productName(), "patch", ctx)
              .compose(group -> Memberships.apply(conn, ctx.connectionId(), id, changed.members()).map(group));
        }));
  }

  /**
   * A PATCH that only adds and removes members (no replace-all): one statement bumps the group's version, checks
   * and inserts the added members, deletes the removed ones and appends the audit row, so the group's row lock
   * is held for that statement and the commit only. Unknown member ids: 400, nothing written. Completes with
   * {@code null} when the group does not exist; a stale {@code expectedVersion} is a 412. Concurrent PATCHes of
   * one group share one statement ({@link MemberPatches}).
   */
  public Future<StoredGroup> patchMembers(UUID id, Long expectedVersion, MemberChanges changes, AuditContext ctx) {
    List<UUID> added = Memberships.uuids(changes.added(), true);
    if (added.contains(id)) {
      return Future.failedFuture(ScimException.invalidValue("A group cannot be a member of itself"));
    }
    MemberPatch patch = new MemberPatch(id, added, Memberships.uuids(changes.removed(), false), ctx);
    // with If-Match, alone: its precondition names one version, not one inside a batch; an empty PATCH still
    // bumps the version, which a batch (counting the requests that changed members) would not do for it
    boolean empty = patch.added().isEmpty() && patch.removed().isEmpty();
    return expectedVersion == null && !empty ? memberPatches.apply(patch) : patchMembersAlone(patch, expectedVersion);
  }

  /** One membership PATCH in its own statement (see {@link #patchMembers}). */
  private Future<StoredGroup> patchMembersAlone(MemberPatch patch, Long expectedVersion) {
    UUID id = patch.groupId();
    AuditContext ctx = patch.audit();
    List<UUID> added = patch.added();
    UUID[] removed = patch.removed().toArray(UUID[]::new);
    String sql = "WITH upd AS (UPDATE scim_groups SET version = version + 1, modified_at = now()"
        + " WHERE id = $7 AND connection_id = $2 AND ($8::bigint IS NULL OR version = $8) RETURNING " + RETURNING
        + "), resolved AS (SELECT id, 'User' AS type FROM scim_users WHERE connection_id = $2 AND id = ANY($9::uuid[])"
        + " UNION ALL SELECT id, 'Group' FROM scim_groups WHERE connection_id = $2 AND id = ANY($9::uuid[])),"
        + " removed AS (DELETE FROM scim_group_members m USING upd WHERE m.group_id = upd.id"
        + " AND m.member_id = ANY($10::uuid[])),"
        + " added AS (INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
        + " SELECT $1, upd.id, r.id, r.type FROM upd, resolved r ON CONFLICT DO NOTHING), "
        + AuditLog.auditCte("upd") + " SELECT upd.*, (SELECT count(*) FROM resolved) AS resolved FROM upd";
    Tuple params = AuditLog.cteParams(ctx, "patch", "Group").addValue(id).addValue(expectedVersion)
        .addValue(added.toArray(UUID[]::new)).addValue(removed);
    return pool.withTransaction(conn -> conn.preparedQuery(sql).execute(params)
        .recover(Memberships::unknownIfDeleted).map(rows -> {
          Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
          if (row != null && row.getLong("resolved") < added.size()) {
            throw ScimException.invalidValue("Unknown member id(s) in this connection");
          }
          return row == null ? null : map(row);
        }))
        .compose(group -> group != null ? Future.succeededFuture(group)
            : Versions.missingOrStale(pool, "scim_groups", ctx.connectionId(), id, expectedVersion));
  }

  /**
   * A connection's group prefix changed from {@code from} to {@code to}: every group of the connection takes the
   * new prefix in one statement, in the caller's transaction (the settings change). What the connector put
   * between the prefix and the IdP's name stays. The SCIM side does not change ({@code displayName}, version and
   * {@code lastModified} stay, so IdPs see nothing new); the outbox trigger writes one {@code group.renamed} event
   * per group, with the old and the new product name. Auto-invite selections name groups by id and are kept.
   * Completes with the number of groups renamed.
   */
  public static Future<Integer> changePrefix(SqlClient conn, UUID connectionId, String from, String to) {
    if (from.equals(to)) {
      return Future.succeededFuture(0);
    }
    return conn.preparedQuery("UPDATE scim_groups SET product_name = $3 || substr(product_name, char_length($2) + 1)"
            + " WHERE connection_id = $1 AND starts_with(product_name, $2)")
        .execute(Tuple.of(connectionId, from, to))
        .map(rows -> rows.rowCount());
  }

  /** Deletes the group, its own membership rows and its membership in other groups. */
  public Future<Boolean> delete(UUID id, Long expectedVersion, AuditContext ctx) {
    return ResourceQueries.deleteWithMemberships(pool, "scim_groups", "Group", id, expectedVersion, ctx);
  }

  private static Future<StoredGroup> locked(SqlClient conn, UUID id, Long expectedVersion, AuditContext ctx) {
    // NO KEY UPDATE: serialises writers of this group, yet lets another group's membership insert take its
    // KEY SHARE lock (the member foreign key): two groups adding each other must not deadlock
    return conn.preparedQuery("SELECT " + RETURNING + " FROM scim_groups WHERE id = $1 AND connection_id = $2"
            + " FOR NO KEY UPDATE")
        .execute(Tuple.of(id, ctx.connectionId()))
        .map(rows -> {
          StoredGroup group = Rows.firstOrNull(rows, GroupRepository::map);
          if (group != null) {
            Versions.check(group.resource(), expectedVersion);
          }
          return group;
        });
  }

  /**
   * Runs after {@link #locked}, in a statement of its own: when a prefix change held this group's row, this
   * statement starts after that change committed and reads its prefix; when this transaction held the row first,
   * the prefix change waits and then renames what this statement wrote.
   */
  private static Future<StoredGroup> update(SqlClient conn, UUID id, ObjectNode doc, ProductName productName,
      String action, AuditContext ctx) {
    String sql = "WITH upd AS (UPDATE scim_groups SET display_name = $8, product_name = "
        + PRODUCT_NAME.formatted("(SELECT group_prefix FROM connections WHERE id = $2)") + ", external_id = $10,"
        + " doc = $11::text::jsonb, version = version + 1, modified_at = now()"
        + " WHERE id = $7 AND connection_id = $2 RETURNING " + RETURNING + "), "
        + AuditLog.auditCte("upd") + " SELECT * FROM upd";
    Tuple params = AuditLog.cteParams(ctx, action, "Group").addValue(id)
        .addValue(doc.path("displayName").asText()).addValue(productName.name()).addValue(textOrNull(doc, "externalId"))
        .addValue(ScimJson.write(doc)).addValue(productName.prefix());
    return conn.preparedQuery(sql).execute(params).map(rows -> Rows.firstOrNull(rows, GroupRepository::map));
  }

  /**
   * A page of the connection's groups and the total count of matches; members are read (in one query for the
   * whole page) only when the query asks for memberships. A filter or sortBy the schema refuses is thrown at once
   * (400).
   */
  public Future<Page<StoredGroup>> list(UUID connectionId, ResourceQuery query) {
    return ResourceQueries.page(pool, ListStatements.groups(connectionId, query, RETURNING), query,
            GroupRepository::map)
        .compose(page -> !query.withMemberships() || page.items().isEmpty() ? Future.succeededFuture(page)
            : Memberships.load(pool, page.items().stream().map(g -> g.resource().id()).toList())
                .map(members -> new Page<>(page.items().stream()
                    .map(g -> g.withMembers(members.get(g.resource().id()))).toList(), page.total())));
  }

  /**
   * Product-side view of a tenant's groups: prefixed names, oldest first, with member counts and the total.
   * {@code search} (or {@code null}) keeps the groups whose product name contains it, ignoring case: a
   * substring, since every name starts with its vendor prefix; a tenant's groups are few, so scanning them is
   * cheap where people (see PersonnelFilter) are not.
   */
  public Future<Page<TenantGroup>> listByTenant(UUID tenantId, String search, int offset, int limit) {
    String where = " WHERE g.tenant_id = $1 AND ($2::text IS NULL OR strpos(lower(g.product_name), lower($2)) > 0)";
    Future<List<TenantGroup>> page = pool.preparedQuery("SELECT " + RETURNING + ", (SELECT count(*)"
            + " FROM scim_group_members m WHERE m.group_id = g.id AND m.member_type = 'User') AS member_count"
            + " FROM scim_groups g" + where + " ORDER BY g.created_at, g.id OFFSET $3 LIMIT $4")
        .execute(Tuple.of(tenantId, search, offset, limit))
        .map(rows -> {
          List<TenantGroup> groups = new ArrayList<>();
          rows.forEach(row -> groups.add(new TenantGroup(map(row), row.getLong("member_count"))));
          return groups;
        });
    Future<Long> total = pool.preparedQuery("SELECT count(*) FROM scim_groups g" + where)
        .execute(Tuple.of(tenantId, search))
        .map(rows -> rows.iterator().next().getLong(0));
    return Future.all(page, total).map(done -> new Page<>(page.result(), total.result()));
  }

  static StoredGroup map(Row row) {
    return new StoredGroup(UserRepository.map(row), row.getString("product_name"), null);
  }

  private static String textOrNull(ObjectNode doc, String field) {
    return doc.path(field).isTextual() ? doc.get(field).asText() : null;
  }
}
