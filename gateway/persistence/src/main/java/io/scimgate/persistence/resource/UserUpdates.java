package io.scimgate.persistence.resource;

import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.batch.GroupCommit;
import io.scimgate.persistence.batch.GroupCommit.Waiting;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;

/**
 * The write half of optimistic user PATCHes (Entra's attribute updates, the bulk of a sync cycle), group-committed
 * ({@link GroupCommit}): the updates arriving while one is in flight go together as one UPDATE of all their users,
 * each row written only if its user is still at the version its new document was computed from, with one audit
 * row each. A user left out of the result moved on (or was deleted) since it was read: only that request learns it
 * ({@code null}, and the PATCH reads again). A userName taken by another user fails the statement as a whole; the
 * batch is then retried one update at a time and only the request that took the name gets its 409.
 */
final class UserUpdates {
  static final int MAX_BATCH = 64;
  private static final Object ONE_QUEUE = new Object();
  private static final String FOLD = "ARRAY(SELECT lower(e) FROM jsonb_array_elements_text(i.emails::jsonb) e)";
  private static final String BATCH_SQL = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[],"
      + " $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::text[],"
      + " $11::text[], $12::bigint[]) AS i(id, tenant_id, connection_id, user_name, external_id, display_name, active,"
      + " emails, doc, actor, request_id, version)),"
      + " upd AS (UPDATE scim_users u SET user_name = i.user_name, external_id = i.external_id,"
      + " display_name = i.display_name, active = coalesce(i.active, u.active), emails_folded = " + FOLD + ","
      + " doc = i.doc::jsonb || jsonb_build_object('active', coalesce(i.active, u.active)),"
      + " version = u.version + 1, modified_at = now() FROM input i"
      + " WHERE u.id = i.id AND u.connection_id = i.connection_id AND u.version = i.version"
      + " RETURNING u.id, u.doc::text AS doc, u.version, u.created_at, u.modified_at),"
      + " " + AuditLog.auditRowsCte("SELECT i.tenant_id, i.connection_id, i.actor, i.request_id, 'patch', 'User',"
      + " upd.id::text FROM upd JOIN input i ON i.id = upd.id") + " SELECT * FROM upd";

  private final Pool pool;
  private final GroupCommit<Object, UserUpdate, StoredResource> commits;

  /** {@code updateOne} writes a single update (null: the user moved on or is gone): for a lone PATCH and retries. */
  UserUpdates(Pool pool, Function<UserUpdate, Future<StoredResource>> updateOne) {
    this.pool = pool;
    this.commits = new GroupCommit<>(MAX_BATCH, update -> ONE_QUEUE, UserUpdate::id, updateOne, this::updateAll);
  }

  /**
   * The user as written, or {@code null} when it is no longer at the update's expected version (which must be
   * set: this is the write of a read-modify-write).
   */
  Future<StoredResource> update(UserUpdate update) {
    return commits.submit(update);
  }

  private Future<Void> updateAll(List<Waiting<UserUpdate, StoredResource>> batch) {
    return pool.preparedQuery(BATCH_SQL).execute(params(batch)).map(rows -> GroupCommit.answerById(batch,
        rows.stream().map(UserRepository::map).toList(), StoredResource::id, UserUpdate::id));
  }

  private static Tuple params(List<Waiting<UserUpdate, StoredResource>> batch) {
    UserRowArrays rows = new UserRowArrays(batch.size());
    Long[] versions = new Long[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      UserUpdate update = batch.get(i).write();
      rows.set(i, update.id(), update.audit(), update.columns(), update.columns().active(), update.doc());
      versions[i] = update.expectedVersion();
    }
    return rows.tuple().addValue(versions);
  }
}
