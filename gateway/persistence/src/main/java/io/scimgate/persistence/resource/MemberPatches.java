package io.scimgate.persistence.resource;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.cancel.StatementScope;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Group commit for membership changes of one group: the PATCHes of a group that arrive while one of its changes is
 * in flight go together as the next one, one statement that bumps the group's version once for all of them,
 * applies their net effect on the membership rows and appends one audit row per request. IdPs push a popular
 * group's members as a storm of one-member PATCHes; one at a time, each waited for the previous one's row lock and
 * commit.
 *
 * <p>The requests of a batch are applied as if one after the other, in arrival order: for each member the last
 * request's add or remove wins, and request k of the batch answers with the group's version as it was after it
 * (the version grows by one per request, as it would have). A request adding an unknown member is refused alone
 * (400) and changes nothing; a batch that fails as a whole is retried one request at a time. A lone PATCH is sent
 * at once (nothing waits for company), and a PATCH with {@code If-Match} always goes alone, so that its
 * precondition is checked against exactly the version it names.
 *
 * <p>Lives on one event loop, like {@link UserInserts}.
 */
final class MemberPatches {
  static final int MAX_BATCH = 64;
  private static final String BATCH_SQL = "WITH input AS (SELECT * FROM unnest($3::int[], $4::uuid[], $5::boolean[])"
      + " WITH ORDINALITY AS i(req, member_id, adding, seq)),"
      + " known AS (SELECT id, 'User' AS type FROM scim_users WHERE connection_id = $2"
      + " AND id IN (SELECT member_id FROM input WHERE adding) UNION ALL SELECT id, 'Group' FROM scim_groups"
      + " WHERE connection_id = $2 AND id IN (SELECT member_id FROM input WHERE adding)),"
      + " refused AS (SELECT DISTINCT req FROM input WHERE adding AND member_id NOT IN (SELECT id FROM known)),"
      + " accepted AS (SELECT * FROM input WHERE req NOT IN (SELECT req FROM refused)),"
      + " requests AS (SELECT DISTINCT req FROM accepted),"
      + " net AS (SELECT DISTINCT ON (member_id) member_id, adding FROM accepted ORDER BY member_id, seq DESC),"
      + " upd AS (UPDATE scim_groups SET version = version + (SELECT count(*) FROM requests), modified_at = now()"
      + " WHERE id = $1 AND connection_id = $2 AND EXISTS (SELECT 1 FROM requests) RETURNING "
      + GroupRepository.RETURNING + "),"
      + " removed AS (DELETE FROM scim_group_members m USING upd WHERE m.group_id = upd.id"
      + " AND m.member_id IN (SELECT member_id FROM net WHERE NOT adding)),"
      + " added AS (INSERT INTO scim_group_members (group_id, member_id, member_type)"
      + " SELECT upd.id, n.member_id, k.type FROM upd, net n JOIN known k ON k.id = n.member_id WHERE n.adding"
      + " ON CONFLICT DO NOTHING),"
      + " audit AS (INSERT INTO audit_log (tenant_id, connection_id, actor, request_id, action, resource_type,"
      + " resource_id) SELECT $6, $2, ($7::text[])[r.req], ($8::text[])[r.req], 'patch', 'Group', upd.id::text"
      + " FROM upd, requests r)"
      + " SELECT (SELECT coalesce(array_agg(req), '{}') FROM refused) AS refused_requests, upd.*"
      + " FROM (SELECT 1) one LEFT JOIN upd ON true";

  private record Pending(MemberPatch patch, Promise<StoredGroup> answer) {}

  private final Pool pool;
  private final Function<MemberPatch, Future<StoredGroup>> patchOne;
  /** A group as one connection sees it: only PATCHes through the same connection can share a statement. */
  private record GroupKey(UUID groupId, UUID connectionId) {}

  private final Map<GroupKey, ArrayDeque<Pending>> waiting = new HashMap<>();
  private final Set<GroupKey> inFlight = new HashSet<>();
  private ContextInternal home;

  /** {@code patchOne} applies a single PATCH (null: no such group): for a lone PATCH and retries. */
  MemberPatches(Pool pool, Function<MemberPatch, Future<StoredGroup>> patchOne) {
    this.pool = pool;
    this.patchOne = patchOne;
  }

  /** The group after this PATCH, or {@code null} when it does not exist. */
  Future<StoredGroup> apply(MemberPatch patch) {
    ContextInternal current = (ContextInternal) Vertx.currentContext();
    if (current == null || patch.added().isEmpty() && patch.removed().isEmpty()) {
      return patchOne.apply(patch);
    }
    if (home == null) {
      home = current.unwrap(); // the event loop's own context, not the first request's duplicate
    }
    Promise<StoredGroup> answer = Promise.promise();
    if (home.inThread()) {
      enqueue(new Pending(patch, answer));
    } else {
      home.runOnContext(ignored -> enqueue(new Pending(patch, answer)));
    }
    return answer.future();
  }

  private void enqueue(Pending pending) {
    GroupKey group = new GroupKey(pending.patch().groupId(), pending.patch().audit().connectionId());
    waiting.computeIfAbsent(group, id -> new ArrayDeque<>()).add(pending);
    if (inFlight.add(group)) {
      sendNext(group);
    }
  }

  private void sendNext(GroupKey group) {
    ArrayDeque<Pending> queue = waiting.get(group);
    List<Pending> batch = new ArrayList<>();
    while (queue != null && !queue.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(queue.poll());
    }
    if (batch.isEmpty()) {
      waiting.remove(group);
      inFlight.remove(group);
      return;
    }
    // the statement serves every request in the batch: one client hanging up must not cancel it for the others
    StatementScope.detached(() -> send(batch)).onComplete(done -> sendNext(group));
  }

  private Future<Void> send(List<Pending> batch) {
    if (batch.size() == 1) {
      return alone(batch.get(0));
    }
    return pool.withTransaction(conn -> conn.preparedQuery(BATCH_SQL).execute(params(batch)))
        .compose(rows -> answerEach(batch, rows))
        .recover(failure -> oneByOne(batch));
  }

  private Future<Void> alone(Pending pending) {
    return patchOne.apply(pending.patch()).onComplete(pending.answer()).transform(done -> Future.succeededFuture());
  }

  /**
   * Refused requests get their 400; the others the group at their own version. No group row: the group is gone
   * (or every request was refused), and each remaining request learns which alone.
   */
  private Future<Void> answerEach(List<Pending> batch, RowSet<Row> rows) {
    Row row = rows.iterator().next();
    Set<Integer> refused = new HashSet<>(Arrays.asList(row.getArrayOfIntegers("refused_requests")));
    List<Pending> accepted = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (refused.contains(i + 1)) {
        batch.get(i).answer().fail(ScimException.invalidValue("Unknown member id(s) in this connection"));
      } else {
        accepted.add(batch.get(i));
      }
    }
    if (row.getUUID("id") == null) {
      return oneByOne(accepted);
    }
    StoredGroup after = GroupRepository.map(row);
    long first = after.resource().version() - accepted.size() + 1;
    for (int k = 0; k < accepted.size(); k++) {
      accepted.get(k).answer().complete(atVersion(after, first + k));
    }
    return Future.succeededFuture();
  }

  private static StoredGroup atVersion(StoredGroup group, long version) {
    StoredResource resource = group.resource();
    return new StoredGroup(new StoredResource(resource.id(), resource.doc().deepCopy(), version, resource.created(),
        resource.lastModified()), group.productName(), group.members());
  }

  /** After a batch failed as a whole: each PATCH alone, each with its own outcome. */
  private Future<Void> oneByOne(List<Pending> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Pending pending : batch) {
      chain = chain.transform(previous -> alone(pending));
    }
    return chain;
  }

  private static Tuple params(List<Pending> batch) {
    List<Integer> requests = new ArrayList<>();
    List<UUID> members = new ArrayList<>();
    List<Boolean> adding = new ArrayList<>();
    String[] actors = new String[batch.size()];
    String[] requestIds = new String[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      MemberPatch patch = batch.get(i).patch();
      int request = i + 1; // PostgreSQL arrays count from 1
      // in order, removals first: for each member the last change wins (WITH ORDINALITY keeps this order)
      patch.removed().forEach(member -> add(requests, members, adding, request, member, false));
      patch.added().forEach(member -> add(requests, members, adding, request, member, true));
      actors[i] = patch.audit().actor();
      requestIds[i] = patch.audit().requestId();
    }
    MemberPatch first = batch.get(0).patch();
    return Tuple.of(first.groupId(), first.audit().connectionId(), requests.toArray(Integer[]::new),
        members.toArray(UUID[]::new), adding.toArray(Boolean[]::new), first.audit().tenantId(), actors, requestIds);
  }

  private static void add(List<Integer> requests, List<UUID> members, List<Boolean> adding, int request, UUID member,
      boolean add) {
    requests.add(request);
    members.add(member);
    adding.add(add);
  }
}
