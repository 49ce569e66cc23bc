package io.scimgate.persistence.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.Page;
import io.scimgate.persistence.Rows;
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
 * SCIM users of one connection. Each write is a single statement that changes the row and appends its audit
 * row (a data-modifying CTE), so it is atomic and costs one round trip.
 */
public final class UserRepository {
  static final String RETURNING = "id, doc::text AS doc, version, created_at, modified_at";
  /**
   * The read-only {@code groups} (RFC 7643 §4.1.2), derived from the membership table by index, in the same
   * statement as the user: reading it costs no extra round trip.
   */
  private static final String GROUPS = ", (SELECT coalesce(jsonb_agg(jsonb_build_array(g.id, g.display_name)"
      + " ORDER BY g.display_name, g.id), '[]'::jsonb) FROM scim_group_members m JOIN scim_groups g"
      + " ON g.id = m.group_id WHERE m.member_id = scim_users.id)::text AS groups";
  /** Conditional writes tried before queueing on the row lock. */
  private static final int OPTIMISTIC_ATTEMPTS = 2;
  private static final String FOLD_EMAILS = "ARRAY(SELECT lower(e) FROM unnest($12::text[]) e)";

  private final Pool pool;
  private final UserInserts inserts;
  private final ActiveFlips activeFlips;
  private final UserUpdates updates;

  public UserRepository(Pool pool) {
    this.pool = pool;
    this.inserts = new UserInserts(pool, this::insertAlone);
    this.activeFlips = new ActiveFlips(pool, flip -> flipAlone(flip, null));
    this.updates = new UserUpdates(pool, update -> update(pool, update, "patch"));
  }

  /**
   * Inserts a user; a userName already taken in this connection (case-insensitively) is a 409. Concurrent creates
   * share one INSERT ({@link UserInserts}).
   */
  public Future<StoredResource> create(UUID id, ObjectNode doc, AuditContext ctx) {
    UserColumns columns = UserColumns.of(doc);
    boolean active = columns.active() == null || columns.active();
    doc.put("active", active); // absent means active: a pushed user is an assigned user
    return inserts.insert(new NewUser(id, ScimJson.write(doc), columns, active, ctx)).map(created -> {
      if (created == null) {
        throw userNameTaken(columns.userName());
      }
      return created;
    });
  }

  /** One user alone; {@code null} when its userName is taken. */
  private Future<StoredResource> insertAlone(NewUser user) {
    String sql = "WITH ins AS (INSERT INTO scim_users (id, tenant_id, connection_id, user_name, external_id,"
        + " display_name, active, emails_folded, doc, version, created_at, modified_at)"
        + " VALUES ($7, $1, $2, $8, $9, $10, $11, " + FOLD_EMAILS + ", $13::text::jsonb, 1, now(), now())"
        + " ON CONFLICT DO NOTHING RETURNING " + RETURNING + "), "
        + AuditLog.auditCte("ins") + " SELECT * FROM ins";
    UserColumns columns = user.columns();
    Tuple params = AuditLog.cteParams(user.audit(), "create", "User")
        .addValue(user.id()).addValue(columns.userName()).addValue(columns.externalId())
        .addValue(columns.displayName()).addValue(user.active()).addValue(columns.emails()).addValue(user.doc());
    return pool.preparedQuery(sql).execute(params).map(rows -> Rows.firstOrNull(rows, UserRepository::map));
  }

  /** The user, or {@code null}. */
  public Future<StoredResource> get(UUID connectionId, UUID id) {
    return pool.preparedQuery("SELECT " + RETURNING + " FROM scim_users WHERE id = $1 AND connection_id = $2")
        .execute(Tuple.of(id, connectionId))
        .map(rows -> Rows.firstOrNull(rows, UserRepository::map));
  }

  /**
   * Replaces the document (PUT). An absent {@code active} keeps the stored value, because Okta and others PUT
   * without it and must not suspend or re-enable anyone by accident. {@code expectedVersion} ({@code If-Match};
   * {@code null}: any) that is not the stored version is a 412. Completes with {@code null} when the user does
   * not exist.
   */
  public Future<StoredResource> replace(UUID id, ObjectNode doc, Long expectedVersion, AuditContext ctx) {
    return update(pool, UserUpdate.of(id, doc, expectedVersion, ctx), "replace")
        .compose(updated -> updated != null ? Future.succeededFuture(updated)
            : Versions.missingOrStale(pool, "scim_users", ctx.connectionId(), id, expectedVersion));
  }

  /**
   * A PATCH that only sets {@code active}: one statement flips the flag in the document and its column, bumps the
   * version and appends the audit row, without reading the user first. Concurrent flips share one statement
   * ({@link ActiveFlips}); with {@code expectedVersion} ({@code If-Match}) the flip goes alone and a stale version
   * is a 412. Completes with {@code null} when the user does not exist.
   */
  public Future<StoredResource> setActive(UUID id, boolean active, Long expectedVersion, AuditContext ctx) {
    ActiveFlip flip = new ActiveFlip(id, active, ctx);
    return expectedVersion == null ? activeFlips.flip(flip) : flipAlone(flip, expectedVersion);
  }

  private Future<StoredResource> flipAlone(ActiveFlip flip, Long expectedVersion) {
    String sql = "WITH upd AS (UPDATE scim_users SET active = $8::boolean,"
        + " doc = jsonb_set(doc, '{active}', to_jsonb($8::boolean)), version = version + 1, modified_at = now()"
        + " WHERE id = $7 AND connection_id = $2 AND ($9::bigint IS NULL OR version = $9) RETURNING " + RETURNING
        + "), " + AuditLog.auditCte("upd") + " SELECT * FROM upd";
    Tuple params = AuditLog.cteParams(flip.audit(), "patch", "User").addValue(flip.userId())
        .addValue(flip.active()).addValue(expectedVersion);
    return pool.preparedQuery(sql).execute(params)
        .map(rows -> Rows.firstOrNull(rows, UserRepository::map))
        .compose(flipped -> flipped != null ? Future.succeededFuture(flipped)
            : Versions.missingOrStale(pool, "scim_users", flip.audit().connectionId(), flip.userId(),
                expectedVersion));
  }

  /**
   * Read-modify-write (PATCH): {@code change} computes the new document from the stored one (a ScimException
   * from it writes nothing). Optimistic first: read, compute, and write only if the version is still the one
   * read — two round trips, no transaction held open. When other writers keep winning (a hot user), it queues
   * on the row lock instead, so no update is ever lost and retries stay bounded. Completes with {@code null}
   * when the user does not exist.
   */
  public Future<StoredResource> patch(UUID id, Long expectedVersion, Function<StoredResource, ObjectNode> change,
      AuditContext ctx) {
    return optimisticPatch(id, expectedVersion, change, ctx, OPTIMISTIC_ATTEMPTS);
  }

  private Future<StoredResource> optimisticPatch(UUID id, Long expectedVersion,
      Function<StoredResource, ObjectNode> change, AuditContext ctx, int attemptsLeft) {
    if (attemptsLeft == 0) {
      return lockedPatch(id, expectedVersion, change, ctx);
    }
    return get(ctx.connectionId(), id).compose(stored -> {
      if (stored == null) {
        return Future.succeededFuture(null);
      }
      ObjectNode doc = change.apply(Versions.check(stored, expectedVersion));
      // concurrent PATCHes of other users share this write's statement (UserUpdates)
      return updates.update(UserUpdate.of(id, doc, stored.version(), ctx))
          .compose(updated -> updated != null ? Future.succeededFuture(updated)
              : optimisticPatch(id, expectedVersion, change, ctx, attemptsLeft - 1));
    });
  }

  private Future<StoredResource> lockedPatch(UUID id, Long expectedVersion,
      Function<StoredResource, ObjectNode> change, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        // NO KEY UPDATE: queues PATCHes of this user without blocking membership inserts naming it (KEY SHARE)
        .preparedQuery("SELECT " + RETURNING + " FROM scim_users WHERE id = $1 AND connection_id = $2"
            + " FOR NO KEY UPDATE")
        .execute(Tuple.of(id, ctx.connectionId()))
        .map(rows -> Rows.firstOrNull(rows, UserRepository::map))
        .compose(stored -> stored == null ? Future.succeededFuture(null)
            : update(conn, UserUpdate.of(id, change.apply(Versions.check(stored, expectedVersion)), null, ctx),
                "patch")));
  }

  private static Future<StoredResource> update(SqlClient on, UserUpdate update, String action) {
    UserColumns columns = update.columns();
    String sql = "WITH upd AS (UPDATE scim_users SET user_name = $8, external_id = $9, display_name = $10,"
        + " active = coalesce($11, active), emails_folded = " + FOLD_EMAILS + ","
        + " doc = $13::text::jsonb || jsonb_build_object('active', coalesce($11, active)),"
        + " version = version + 1, modified_at = now()"
        + " WHERE id = $7 AND connection_id = $2 AND ($14::bigint IS NULL OR version = $14)"
        + " RETURNING " + RETURNING + "), "
        + AuditLog.auditCte("upd") + " SELECT * FROM upd";
    Tuple params = AuditLog.cteParams(update.audit(), action, "User")
        .addValue(update.id()).addValue(columns.userName()).addValue(columns.externalId())
        .addValue(columns.displayName()).addValue(columns.active()).addValue(columns.emails())
        .addValue(update.doc()).addValue(update.expectedVersion());
    return on.preparedQuery(sql).execute(params)
        .map(rows -> Rows.firstOrNull(rows, UserRepository::map))
        .recover(failure -> Future.failedFuture(Rows.isUniqueViolation(failure)
            ? userNameTaken(columns.userName()) : failure));
  }

  /** Deletes the user and its group memberships; {@code false} when it did not exist. */
  public Future<Boolean> delete(UUID id, Long expectedVersion, AuditContext ctx) {
    return ResourceQueries.deleteWithMemberships(pool, "scim_users", "User", id, expectedVersion, ctx);
  }

  /**
   * One page of the connection's users and the total count of matches; each user with its groups when the query
   * asks for memberships (same statement). A filter or sortBy the schema refuses is thrown at once (400).
   */
  public Future<Page<UserWithGroups>> list(UUID connectionId, ResourceQuery query) {
    boolean withGroups = query.withMemberships();
    String columns = withGroups ? RETURNING + GROUPS : RETURNING;
    return ResourceQueries.page(pool, ListStatements.users(connectionId, query, columns), query,
        row -> withGroups(row, withGroups));
  }

  /** The user with its groups ({@code withGroups}) read in the same statement; {@code null} when unknown. */
  public Future<UserWithGroups> get(UUID connectionId, UUID id, boolean withGroups) {
    return pool.preparedQuery("SELECT " + (withGroups ? RETURNING + GROUPS : RETURNING)
            + " FROM scim_users WHERE id = $1 AND connection_id = $2")
        .execute(Tuple.of(id, connectionId))
        .map(rows -> Rows.firstOrNull(rows, row -> withGroups(row, withGroups)));
  }

  private static UserWithGroups withGroups(Row row, boolean withGroups) {
    if (!withGroups) {
      return new UserWithGroups(map(row), null);
    }
    List<GroupRef> groups = new ArrayList<>();
    ScimJson.parseStoredArray(row.getString("groups")).forEach(group -> groups.add(
        new GroupRef(UUID.fromString(group.get(0).asText()), group.get(1).asText())));
    return new UserWithGroups(map(row), groups);
  }

  static StoredResource map(Row row) {
    return new StoredResource(row.getUUID("id"), ScimJson.parseStored(row.getString("doc")),
        row.getLong("version"), Rows.instant(row, "created_at"), Rows.instant(row, "modified_at"));
  }

  private static ScimException userNameTaken(String userName) {
    return ScimException.uniqueness("userName '" + userName + "' is already taken in this connection");
  }

  static List<StoredResource> mapAll(Iterable<Row> rows) {
    List<StoredResource> list = new ArrayList<>();
    rows.forEach(row -> list.add(map(row)));
    return list;
  }
}
