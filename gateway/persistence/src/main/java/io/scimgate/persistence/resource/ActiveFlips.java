package io.scimgate.persistence.resource;

import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.batch.GroupCommit;
import io.scimgate.persistence.batch.GroupCommit.Waiting;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * PATCHes that only set users' {@code active} (deactivations and reactivations, the bulk of an offboarding push),
 * group-committed ({@link GroupCommit}): the ones arriving while a flip is in flight go together as one UPDATE of
 * all their users with one audit row each. Two flips of one user never share a statement (the second waits for the
 * next one), so each answers with the version it made. A user missing from the result does not exist in that
 * connection: only that request gets its 404.
 */
final class ActiveFlips {
  static final int MAX_BATCH = 64;
  private static final Object ONE_QUEUE = new Object();
  private static final String BATCH_SQL = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[],"
      + " $4::boolean[], $5::text[], $6::text[]) AS i(id, tenant_id, connection_id, active, actor, request_id)),"
      + " upd AS (UPDATE scim_users u SET active = i.active, doc = jsonb_set(u.doc, '{active}', to_jsonb(i.active)),"
      + " version = u.version + 1, modified_at = now() FROM input i"
      + " WHERE u.id = i.id AND u.connection_id = i.connection_id"
      + " RETURNING u.id, u.doc::text AS doc, u.version, u.created_at, u.modified_at),"
      + " " + AuditLog.auditRowsCte("SELECT i.tenant_id, i.connection_id, i.actor, i.request_id, 'patch', 'User',"
      + " upd.id::text FROM upd JOIN input i ON i.id = upd.id") + " SELECT * FROM upd";

  private final Pool pool;
  private final GroupCommit<Object, ActiveFlip, StoredResource> commits;

  /** {@code flipOne} flips a single user (null: no such user): for a lone PATCH and retries. */
  ActiveFlips(Pool pool, Function<ActiveFlip, Future<StoredResource>> flipOne) {
    this.pool = pool;
    this.commits = new GroupCommit<>(MAX_BATCH, flip -> ONE_QUEUE, ActiveFlip::userId, flipOne, this::flipAll);
  }

  /** The user after the flip, or {@code null} when it does not exist in the connection. */
  Future<StoredResource> flip(ActiveFlip flip) {
    return commits.submit(flip);
  }

  private Future<Void> flipAll(List<Waiting<ActiveFlip, StoredResource>> batch) {
    return pool.preparedQuery(BATCH_SQL).execute(params(batch)).map(rows -> GroupCommit.answerById(batch,
        rows.stream().map(UserRepository::map).toList(), StoredResource::id, ActiveFlip::userId));
  }

  private static Tuple params(List<Waiting<ActiveFlip, StoredResource>> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    UUID[] tenants = new UUID[n];
    UUID[] connections = new UUID[n];
    Boolean[] active = new Boolean[n];
    String[] actors = new String[n];
    String[] requestIds = new String[n];
    for (int i = 0; i < n; i++) {
      ActiveFlip flip = batch.get(i).write();
      ids[i] = flip.userId();
      tenants[i] = flip.audit().tenantId();
      connections[i] = flip.audit().connectionId();
      active[i] = flip.active();
      actors[i] = flip.audit().actor();
      requestIds[i] = flip.audit().requestId();
    }
    return Tuple.of(ids, tenants, connections, active, actors, requestIds);
  }
}
