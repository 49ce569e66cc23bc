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
 * User creates, group-committed ({@link GroupCommit}): the creates that arrive while an insert is in flight go
 * together as one multi-row INSERT with their audit rows. A userName already taken (in the table or earlier in the
 * same batch) leaves its row out of the INSERT's result, and only that request gets the 409.
 */
final class UserInserts {
  /** Enough to fold a 64-wide push into two statements; bounded so a batch's statement stays small. */
  static final int MAX_BATCH = 64;
  private static final Object ONE_QUEUE = new Object();
  private static final String FOLD = "ARRAY(SELECT lower(e) FROM jsonb_array_elements_text(i.emails::jsonb) e)";
  private static final String BATCH_SQL = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[],"
      + " $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::text[],"
      + " $11::text[]) AS i(id, tenant_id, connection_id, user_name, external_id, display_name, active, emails, doc,"
      + " actor, request_id)),"
      + " ins AS (INSERT INTO scim_users (id, tenant_id, connection_id, user_name, external_id, display_name,"
      + " active, emails_folded, doc, version, created_at, modified_at)"
      + " SELECT i.id, i.tenant_id, i.connection_id, i.user_name, i.external_id, i.display_name, i.active, " + FOLD
      + ", i.doc::jsonb, 1, now(), now() FROM input i ON CONFLICT DO NOTHING RETURNING " + UserRepository.RETURNING
      + "), " + AuditLog.auditRowsCte("SELECT i.tenant_id, i.connection_id, i.actor, i.request_id, 'create', 'User',"
      + " ins.id::text FROM ins JOIN input i ON i.id = ins.id") + " SELECT * FROM ins";

  private final Pool pool;
  private final GroupCommit<Object, NewUser, StoredResource> commits;

  /** {@code insertOne} inserts a single user (null when its userName is taken): for a lone create and retries. */
  UserInserts(Pool pool, Function<NewUser, Future<StoredResource>> insertOne) {
    this.pool = pool;
    // ids are fresh UUIDs: no two creates of one row, nothing to keep apart
    this.commits = new GroupCommit<>(MAX_BATCH, user -> ONE_QUEUE, NewUser::id, insertOne, this::insertAll);
  }

  /** The stored user, or {@code null} when its userName is taken. */
  Future<StoredResource> insert(NewUser user) {
    return commits.submit(user);
  }

  private Future<Void> insertAll(List<Waiting<NewUser, StoredResource>> batch) {
    return pool.preparedQuery(BATCH_SQL).execute(params(batch)).map(rows -> GroupCommit.answerById(batch,
        rows.stream().map(UserRepository::map).toList(), StoredResource::id, NewUser::id));
  }

  private static Tuple params(List<Waiting<NewUser, StoredResource>> batch) {
    UserRowArrays rows = new UserRowArrays(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      NewUser user = batch.get(i).write();
      rows.set(i, user.id(), user.audit(), user.columns(), user.active(), user.doc());
    }
    return rows.tuple();
  }
}
