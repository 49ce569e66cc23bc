package io.scimgate.persistence.resource;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.batch.GroupCommit;
import io.scimgate.persistence.batch.GroupCommit.Waiting;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Membership changes of one group, group-committed ({@link GroupCommit}): the PATCHes of a group that arrive while one of its changes is
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
      + " added AS (INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
      + " SELECT $6, upd.id, n.member_id, k.type FROM upd, net n JOIN known k ON k.id = n.member_id WHERE n.adding"
      + " ON CONFLICT DO NOTHING),"
      + " " + AuditLog.auditRowsCte("SELECT $6, $2, ($7::text[])[r.req], ($8::text[])[r.req], 'patch', 'Group',"
      + " upd.id::text FROM upd, requests r")
      + " SELECT (SELECT coalesce(array_agg(req), '{}') FROM refused) AS refused_requests, upd.*"
      + " FROM (SELECT 1) one LEFT JOIN upd ON true";

  /** A group as one connection sees it: only PATCHes through the same connection can share a statement. */
  private record GroupKey(UUID groupId, UUID connectionId) {}

  private final Pool pool;
  private final GroupCommit<GroupKey, MemberPatch, StoredGroup> commits;

  /** {@code patchOne} applies a single PATCH (null: no such group): for a lone PATCH and retries. */
  MemberPatches(Pool pool, Function<MemberPatch, Future<StoredGroup>> patchOne) {
    this.pool = pool;
    this.commits = new GroupCommit<>(MAX_BATCH, patch -> new GroupKey(patch.groupId(), patch.audit().connectionId()),
        patch -> patch, patchOne, this::applyAll);
  }

  /** The group after this PATCH, or {@code null} when it does not exist. */
  Future<StoredGroup> apply(MemberPatch patch) {
    return commits.submit(patch);
  }

  private Future<Void> applyAll(List<Waiting<MemberPatch, StoredGroup>> batch) {
    // one statement is its own transaction: no BEGIN and COMMIT round trips, during which the group's row lock
    // was held while the event loop got round to sending them (seen as "idle in transaction" under load)
    return pool.preparedQuery(BATCH_SQL).execute(params(batch)).compose(rows -> answerEach(batch, rows));
  }

  /**
   * Refused requests get their 400; the others the group at their own version. No group row: the group is gone
   * (or every request was refused), and each remaining request learns which alone.
   */
  private Future<Void> answerEach(List<Waiting<MemberPatch, StoredGroup>> batch, RowSet<Row> rows) {
    Row row = rows.iterator().next();
    Set<Integer> refused = new HashSet<>(Arrays.asList(row.getArrayOfIntegers("refused_requests")));
    List<Waiting<MemberPatch, StoredGroup>> accepted = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (refused.contains(i + 1)) {
        batch.get(i).answer().fail(ScimException.invalidValue("Unknown member id(s) in this connection"));
      } else {
        accepted.add(batch.get(i));
      }
    }
    if (row.getUUID("id") == null) {
      return commits.oneByOne(accepted);
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

  private static Tuple params(List<Waiting<MemberPatch, StoredGroup>> batch) {
    List<Integer> requests = new ArrayList<>();
    List<UUID> members = new ArrayList<>();
    List<Boolean> adding = new ArrayList<>();
    String[] actors = new String[batch.size()];
    String[] requestIds = new String[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      MemberPatch patch = batch.get(i).write();
      int request = i + 1; // PostgreSQL arrays count from 1
      // in order, removals first: for each member the last change wins (WITH ORDINALITY keeps this order)
      patch.removed().forEach(member -> add(requests, members, adding, request, member, false));
      patch.added().forEach(member -> add(requests, members, adding, request, member, true));
      actors[i] = patch.audit().actor();
      requestIds[i] = patch.audit().requestId();
    }
    MemberPatch first = batch.get(0).write();
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
