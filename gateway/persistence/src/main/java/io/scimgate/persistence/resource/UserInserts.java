package io.scimgate.persistence.resource;

import io.scimgate.persistence.cancel.StatementScope;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Group commit for user creates: the creates that arrive while one insert is in flight go together as the next
 * one, a single multi-row INSERT (with its audit rows) in one transaction, so that a burst of IdP pushes costs
 * PostgreSQL one statement and one commit per batch instead of one per user.
 *
 * <p>Nothing waits for company: when no insert is in flight, a create is sent at once, alone, so a lone request's
 * latency is what it was. Each request still gets its own answer: a userName already taken (in the table or
 * earlier in the same batch) leaves its row out of the INSERT's result and only that request gets the 409. A
 * batch that fails as a whole is retried one create at a time, so an error fails only the request it belongs to.
 * Nothing is acknowledged before its batch commits.
 *
 * <p>Not thread-safe by design: it lives on one event loop (each HTTP verticle has its own repositories), and a
 * call from another thread hops onto that loop first.
 */
final class UserInserts {
  /** Enough to fold a 64-wide push into two statements; bounded so a batch's statement stays small. */
  static final int MAX_BATCH = 64;
  private static final String FOLD = "ARRAY(SELECT lower(e) FROM jsonb_array_elements_text(i.emails::jsonb) e)";
  private static final String BATCH_SQL = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[],"
      + " $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::text[],"
      + " $11::text[]) AS i(id, tenant_id, connection_id, user_name, external_id, display_name, active, emails, doc,"
      + " actor, request_id)),"
      + " ins AS (INSERT INTO scim_users (id, tenant_id, connection_id, user_name, external_id, display_name,"
      + " active, emails_folded, doc, version, created_at, modified_at)"
      + " SELECT i.id, i.tenant_id, i.connection_id, i.user_name, i.external_id, i.display_name, i.active, " + FOLD
      + ", i.doc::jsonb, 1, now(), now() FROM input i ON CONFLICT DO NOTHING RETURNING " + UserRepository.RETURNING
      + "), audit AS (INSERT INTO audit_log (tenant_id, connection_id, actor, request_id, action, resource_type,"
      + " resource_id) SELECT i.tenant_id, i.connection_id, i.actor, i.request_id, 'create', 'User', ins.id::text"
      + " FROM ins JOIN input i ON i.id = ins.id) SELECT * FROM ins";

  private record Pending(NewUser user, Promise<StoredResource> answer) {}

  private final Pool pool;
  private final Function<NewUser, Future<StoredResource>> insertOne;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private ContextInternal home;
  private boolean inFlight;

  /** {@code insertOne} inserts a single user (null when its userName is taken): for a lone create and retries. */
  UserInserts(Pool pool, Function<NewUser, Future<StoredResource>> insertOne) {
    this.pool = pool;
    this.insertOne = insertOne;
  }

  /** The stored user, or {@code null} when its userName is taken. */
  Future<StoredResource> insert(NewUser user) {
    ContextInternal current = (ContextInternal) Vertx.currentContext();
    if (current == null) {
      return insertOne.apply(user); // outside Vert.x (a tool, a test): nobody to batch with
    }
    if (home == null) {
      home = current.unwrap(); // the event loop's own context, not the first request's duplicate
    }
    Promise<StoredResource> answer = Promise.promise();
    if (home.inThread()) {
      enqueue(new Pending(user, answer));
    } else {
      home.runOnContext(ignored -> enqueue(new Pending(user, answer)));
    }
    return answer.future();
  }

  private void enqueue(Pending pending) {
    waiting.add(pending);
    if (!inFlight) {
      sendNext();
    }
  }

  private void sendNext() {
    List<Pending> batch = new ArrayList<>();
    while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(waiting.poll());
    }
    if (batch.isEmpty()) {
      inFlight = false;
      return;
    }
    inFlight = true;
    // the statement serves every request in the batch: one client hanging up must not cancel it for the others
    StatementScope.detached(() -> send(batch)).onComplete(done -> sendNext());
  }

  private Future<Void> send(List<Pending> batch) {
    if (batch.size() == 1) {
      Pending only = batch.get(0);
      return insertOne.apply(only.user()).onComplete(only.answer()).transform(done -> Future.succeededFuture());
    }
    return pool.preparedQuery(BATCH_SQL).execute(params(batch))
        .map(rows -> answerEach(batch, rows))
        .recover(failure -> oneByOne(batch))
        .mapEmpty();
  }

  private static Void answerEach(List<Pending> batch, RowSet<Row> rows) {
    Map<UUID, StoredResource> stored = new HashMap<>();
    rows.forEach(row -> {
      StoredResource resource = UserRepository.map(row);
      stored.put(resource.id(), resource);
    });
    batch.forEach(pending -> pending.answer().complete(stored.get(pending.user().id())));
    return null;
  }

  /** After a batch failed as a whole: each create alone, each with its own outcome. */
  private Future<Void> oneByOne(List<Pending> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Pending pending : batch) {
      chain = chain.transform(previous -> insertOne.apply(pending.user()).onComplete(pending.answer())
          .transform(done -> Future.succeededFuture()));
    }
    return chain;
  }

  private static Tuple params(List<Pending> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    UUID[] tenants = new UUID[n];
    UUID[] connections = new UUID[n];
    String[] userNames = new String[n];
    String[] externalIds = new String[n];
    String[] displayNames = new String[n];
    Boolean[] active = new Boolean[n];
    String[] emails = new String[n];
    String[] docs = new String[n];
    String[] actors = new String[n];
    String[] requestIds = new String[n];
    for (int i = 0; i < n; i++) {
      NewUser user = batch.get(i).user();
      ids[i] = user.id();
      tenants[i] = user.audit().tenantId();
      connections[i] = user.audit().connectionId();
      userNames[i] = user.columns().userName();
      externalIds[i] = user.columns().externalId();
      displayNames[i] = user.columns().displayName();
      active[i] = user.active();
      emails[i] = ScimJson.write(ScimJson.MAPPER.valueToTree(Arrays.asList(user.columns().emails())));
      docs[i] = user.doc();
      actors[i] = user.audit().actor();
      requestIds[i] = user.audit().requestId();
    }
    return Tuple.of(ids, tenants, connections, userNames, externalIds, displayNames, active, emails, docs, actors,
        requestIds);
  }
}
