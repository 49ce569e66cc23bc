package io.scimgate.persistence.resource;

import static io.scimgate.persistence.resource.UserRepositoryTest.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.patch.MemberChanges;
import io.scimgate.scim.patch.PatchEngine;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The group repository without HTTP, against a real PostgreSQL: members written with the group (unknown ones
 * refused, nothing left behind), replaced, PATCHed as differences (alone and group-committed, each request
 * answered with its own version), paged, and taken along when a group or member is deleted; a connection can
 * neither read nor change another connection's groups. After every test, every membership row carries its group's
 * tenant (V017: the row's {@code tenant_id} is what a distributed PostgreSQL would place it by), whichever write
 * made it.
 */
class GroupRepositoryTest {
  private static final String PREFIX = "Okta SCIM - ";
  /** PostgreSQL orders uuids by their bytes, unsigned, as their text sorts; {@code UUID.compareTo} does not. */
  private static final Comparator<UUID> IN_DATABASE_ORDER = Comparator.comparing(UUID::toString);
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(4);
  private static Vertx vertx;
  private static Pool pool;
  private static UserRepository users;
  private static GroupRepository groups;
  private static UUID tenant;
  private static UUID connection;
  private static UUID otherConnection;
  private static UUID otherTenant;
  private static UUID otherTenantsConnection;
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    users = new UserRepository(pool);
    groups = new GroupRepository(pool);
    tenant = UUID.randomUUID();
    otherTenant = UUID.randomUUID();
    connection = UUID.randomUUID();
    otherConnection = UUID.randomUUID();
    otherTenantsConnection = UUID.randomUUID();
    db.sql("INSERT INTO tenants (id, name) VALUES ($1, 'Acme'), ($2, 'Globex')", tenant, otherTenant);
    for (Object[] c : List.of(new Object[] {connection, tenant}, new Object[] {otherConnection, tenant},
        new Object[] {otherTenantsConnection, otherTenant})) {
      db.sql("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, status, token_generation,"
          + " token_fingerprint) VALUES ($1, $2, 'okta', 'Okta', $3, 'enabled', 1, 'f')", c[0], c[1], PREFIX);
    }
  }

  @AfterEach
  void everyMembershipRowCarriesItsGroupsTenant() throws Exception {
    assertThat(row("SELECT count(*) FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id"
        + " WHERE m.tenant_id IS DISTINCT FROM g.tenant_id").getLong(0)).isZero();
  }

  @Test
  void aGroupIsCreatedWithItsMembersUsersAndGroupsAlike() throws Exception {
    UUID ann = user(connection, "ann@acme.example", "Ann");
    UUID bob = user(connection, "bob@acme.example", null);
    UUID nested = group(connection, "Nested");
    AuditContext ctx = ctx(connection);
    UUID id = UUID.randomUUID();
    StoredGroup created = groups.create(id, doc("Engineering"), name("Engineering"), List.of(ann, bob, nested), ctx)
        .await(10, TimeUnit.SECONDS);

    assertThat(created.resource().version()).isEqualTo(1);
    assertThat(created.productName()).isEqualTo(PREFIX + "Engineering");
    StoredGroup read = groups.get(connection, id, true).await(10, TimeUnit.SECONDS);
    assertThat(read.resource().doc().get("displayName").asText()).isEqualTo("Engineering");
    assertThat(read.members()).isEqualTo(sortedById(new GroupMember(ann, "User", "Ann"),
        new GroupMember(bob, "User", "bob@acme.example"), new GroupMember(nested, "Group", "Nested")));
    assertThat(groups.get(connection, id, false).await(10, TimeUnit.SECONDS).members()).isNull();
    assertThat(row("SELECT count(*) FROM scim_group_members WHERE group_id = $1 AND tenant_id = $2", id, tenant)
        .getLong(0)).isEqualTo(3);
    assertThat(row("SELECT action || ' ' || resource_type FROM audit_log WHERE resource_id = $1",
        id.toString()).getString(0)).isEqualTo("create Group");
  }

  @Test
  void unknownForeignOrSelfMembersAre400AndLeaveNothingBehind() throws Exception {
    UUID stranger = user(otherConnection, "stranger@acme.example", null);
    UUID ann = user(connection, "ann2@acme.example", null);
    for (UUID member : List.of(UUID.randomUUID(), stranger)) {
      UUID id = UUID.randomUUID();
      ScimException refused = assertScimError(groups.create(id, doc("Refused"), name("Refused"),
          List.of(ann, member), ctx(connection)), 400);
      assertThat(refused.scimType()).isEqualTo("invalidValue");
      assertThat(row("SELECT count(*) FROM scim_groups WHERE id = $1", id).getLong(0)).isZero();
      assertThat(row("SELECT count(*) FROM scim_group_members WHERE group_id = $1", id).getLong(0)).isZero();
    }
    UUID self = UUID.randomUUID();
    assertScimError(groups.create(self, doc("Self"), name("Self"), List.of(self), ctx(connection)), 400);
    assertThat(row("SELECT count(*) FROM scim_groups WHERE id = $1", self).getLong(0)).isZero();
  }

  @Test
  void aReplaceSetsTheMemberSetAndBumpsTheVersionUnlessItsIfMatchIsStale() throws Exception {
    UUID u1 = user(connection, "r1@acme.example", null);
    UUID u2 = user(connection, "r2@acme.example", null);
    UUID u3 = user(connection, "r3@acme.example", null);
    UUID id = group(connection, "Replaced", u1, u2);

    StoredGroup replaced = groups.replace(id, doc("Replaced!"), name("Replaced!"), List.of(u2, u3), 1L,
        ctx(connection)).await(10, TimeUnit.SECONDS);
    assertThat(replaced.resource().version()).isEqualTo(2);
    assertThat(replaced.productName()).isEqualTo(PREFIX + "Replaced!");
    assertThat(memberIds(id)).containsExactlyInAnyOrder(u2, u3);

    StoredGroup renamed = groups.replace(id, doc("Kept"), name("Kept"), null, null, ctx(connection))
        .await(10, TimeUnit.SECONDS);
    assertThat(renamed.resource().version()).isEqualTo(3);
    assertThat(memberIds(id)).as("no member list: membership stays").containsExactlyInAnyOrder(u2, u3);

    assertScimError(groups.replace(id, doc("Stale"), name("Stale"), List.of(), 2L, ctx(connection)), 412);
    assertThat(memberIds(id)).containsExactlyInAnyOrder(u2, u3);
    assertThat(groups.get(connection, id, false).await(10, TimeUnit.SECONDS).resource().version()).isEqualTo(3);
    assertThat(groups.replace(UUID.randomUUID(), doc("None"), name("None"), null, null, ctx(connection))
        .await(10, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void aPatchComputesDocumentAndMembershipFromTheStoredGroup() throws Exception {
    UUID u1 = user(connection, "p1@acme.example", null);
    UUID u2 = user(connection, "p2@acme.example", null);
    UUID id = group(connection, "Patched", u1);

    StoredGroup patched = groups.patch(id, 1L, stored -> new GroupChange(
            stored.resource().doc().deepCopy().put("displayName", "Patched too"), name("Patched too"),
            changes("add", u2, "remove", u1)), ctx(connection))
        .await(10, TimeUnit.SECONDS);
    assertThat(patched.resource().version()).isEqualTo(2);
    assertThat(patched.productName()).isEqualTo(PREFIX + "Patched too");
    assertThat(memberIds(id)).containsExactly(u2);
    assertScimError(groups.patch(id, 1L, stored -> new GroupChange(stored.resource().doc(), name("x"),
        changes("add", u1)), ctx(connection)), 412);
    assertThat(memberIds(id)).containsExactly(u2);
  }

  @Test
  void aMembershipPatchWritesOnlyTheDifferenceAndRefusesUnknownMembersWhole() throws Exception {
    UUID u1 = user(connection, "m1@acme.example", null);
    UUID u2 = user(connection, "m2@acme.example", null);
    UUID u3 = user(connection, "m3@acme.example", null);
    UUID id = group(connection, "Members", u1, u2);

    StoredGroup after = groups.patchMembers(id, null, changes("add", u3, "remove", u1), ctx(connection))
        .await(10, TimeUnit.SECONDS);
    assertThat(after.resource().version()).isEqualTo(2);
    assertThat(memberIds(id)).containsExactlyInAnyOrder(u2, u3);

    UUID foreign = user(otherConnection, "m4@acme.example", null);
    for (UUID unknown : List.of(UUID.randomUUID(), foreign)) {
      assertScimError(groups.patchMembers(id, null, changes("add", unknown, "remove", u2), ctx(connection)), 400);
    }
    assertThat(memberIds(id)).as("a refused PATCH changes nothing").containsExactlyInAnyOrder(u2, u3);
    assertThat(groups.get(connection, id, false).await(10, TimeUnit.SECONDS).resource().version()).isEqualTo(2);
    assertScimError(groups.patchMembers(id, 1L, changes("remove", u2), ctx(connection)), 412);
    assertThat(groups.patchMembers(id, 2L, changes("remove", u2), ctx(connection)).await(10, TimeUnit.SECONDS)
        .resource().version()).isEqualTo(3);
    assertThat(groups.patchMembers(UUID.randomUUID(), null, changes("add", u1), ctx(connection))
        .await(10, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void concurrentMembershipPatchesOfOneGroupAllApplyEachAnsweredWithItsOwnVersion() throws Exception {
    List<UUID> people = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      people.add(user(connection, "storm" + i + "@acme.example", null));
    }
    UUID id = group(connection, "Storm");
    UUID unknown = UUID.randomUUID();
    List<Future<StoredGroup>> answers = onNewEventLoop(() -> IntStream.range(0, 21)
        .mapToObj(i -> groups.patchMembers(id, null, changes("add", i == 10 ? unknown : people.get(i < 10 ? i : i - 1)),
            ctx(connection))).toList());
    Future.join(answers).otherwise(failed -> null).await(30, TimeUnit.SECONDS);

    assertThat(answers.get(10).cause()).as("only the request naming an unknown member is refused")
        .isInstanceOf(ScimException.class);
    List<Long> versions = answers.stream().filter(Future::succeeded).map(a -> a.result().resource().version())
        .sorted().toList();
    assertThat(versions).isEqualTo(IntStream.rangeClosed(2, 21).mapToObj(v -> (long) v).toList());
    assertThat(groups.get(connection, id, false).await(10, TimeUnit.SECONDS).resource().version()).isEqualTo(21);
    assertThat(memberIds(id)).containsExactlyInAnyOrderElementsOf(people);
    assertThat(row("SELECT count(*) FROM audit_log WHERE resource_id = $1 AND action = 'patch'", id.toString())
        .getLong(0)).as("one audit row per applied request").isEqualTo(20);
  }

  @Test
  void deletingAGroupTakesItsMembershipsAndItsPlaceInOtherGroupsAlong() throws Exception {
    UUID u1 = user(connection, "d1@acme.example", null);
    UUID child = group(connection, "Child", u1);
    UUID parent = group(connection, "Parent", child, u1);

    assertScimError(groups.delete(child, 5L, ctx(connection)), 412);
    assertThat(groups.delete(child, 1L, ctx(connection)).await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(groups.get(connection, child, false).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(row("SELECT count(*) FROM scim_group_members WHERE group_id = $1 OR member_id = $1", child)
        .getLong(0)).isZero();
    assertThat(memberIds(parent)).containsExactly(u1);
    assertThat(users.get(connection, u1).await(10, TimeUnit.SECONDS)).as("members are not deleted").isNotNull();
    assertThat(groups.delete(child, null, ctx(connection)).await(10, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void oneConnectionCannotReadOrChangeAnotherConnectionsGroups() throws Exception {
    UUID u1 = user(connection, "i1@acme.example", null);
    UUID id = group(connection, "Private", u1);
    group(otherConnection, "Theirs");

    assertThat(groups.get(otherConnection, id, true).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(groups.list(otherConnection, new ResourceQuery(null, null, false, null, 0, 1000, true))
        .await(10, TimeUnit.SECONDS).items()).extracting(g -> g.resource().id()).isNotEmpty().doesNotContain(id);
    assertThat(groups.replace(id, doc("Taken"), name("Taken"), List.of(), null, ctx(otherConnection))
        .await(10, TimeUnit.SECONDS)).isNull();
    assertThat(groups.patch(id, null, stored -> new GroupChange(doc("Taken"), name("Taken"), changes("remove", u1)),
        ctx(otherConnection)).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(groups.patchMembers(id, null, changes("remove", u1), ctx(otherConnection))
        .await(10, TimeUnit.SECONDS)).isNull();
    assertThat(groups.delete(id, null, ctx(otherConnection)).await(10, TimeUnit.SECONDS)).isFalse();

    StoredGroup untouched = groups.get(connection, id, true).await(10, TimeUnit.SECONDS);
    assertThat(untouched.resource().version()).isEqualTo(1);
    assertThat(untouched.resource().doc().get("displayName").asText()).isEqualTo("Private");
    assertThat(untouched.members()).extracting(GroupMember::value).containsExactly(u1);

    UUID globex = group(otherTenantsConnection, "Globex only");
    assertThat(groups.listByTenant(otherTenant, null, 0, 100).await(10, TimeUnit.SECONDS).items())
        .extracting(g -> g.group().resource().id()).containsExactly(globex);
    assertThat(groups.listByTenant(tenant, "private", 0, 100).await(10, TimeUnit.SECONDS).items())
        .singleElement().satisfies(g -> {
          assertThat(g.group().resource().id()).isEqualTo(id);
          assertThat(g.memberCount()).isEqualTo(1);
        });
  }

  @Test
  void membersArePagedInIdOrderEachOnce() throws Exception {
    UUID[] members = new UUID[25];
    for (int i = 0; i < members.length; i++) {
      members[i] = user(connection, "page" + i + "@acme.example", null);
    }
    UUID id = group(connection, "Paged", members);

    List<UUID> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    UUID after = null;
    for (List<GroupMember> page = groups.members(id, null, 10).await(10, TimeUnit.SECONDS); !page.isEmpty();
        page = groups.members(id, after, 10).await(10, TimeUnit.SECONDS)) {
      pageSizes.add(page.size());
      page.forEach(member -> seen.add(member.value()));
      after = page.get(page.size() - 1).value();
    }
    assertThat(pageSizes).containsExactly(10, 10, 5);
    assertThat(seen).isEqualTo(Arrays.stream(members).sorted(IN_DATABASE_ORDER).toList());
  }

  private static List<GroupMember> sortedById(GroupMember... members) {
    return Arrays.stream(members).sorted(Comparator.comparing(GroupMember::value, IN_DATABASE_ORDER)).toList();
  }

  /** What a PATCH of {@code members} makes: pairs of "add"/"remove" and a member id. */
  private static MemberChanges changes(Object... opsAndIds) {
    ObjectNode body = ScimJson.object();
    body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
    var operations = body.putArray("Operations");
    for (int i = 0; i < opsAndIds.length; i += 2) {
      String op = (String) opsAndIds[i];
      String member = opsAndIds[i + 1].toString();
      if (op.equals("add")) {
        operations.addObject().put("op", "add").put("path", "members").putArray("value").addObject()
            .put("value", member);
      } else {
        operations.addObject().put("op", "remove").put("path", "members[value eq \"" + member + "\"]");
      }
    }
    return PatchEngine.membersOnly(CoreSchemas.GROUP_TYPE, PatchRequest.parse(body));
  }

  private static UUID user(UUID connectionId, String userName, String displayName) throws Exception {
    UUID id = UUID.randomUUID();
    ObjectNode doc = ScimJson.object().put("userName", userName);
    if (displayName != null) {
      doc.put("displayName", displayName);
    }
    users.create(id, doc, ctx(connectionId)).await(10, TimeUnit.SECONDS);
    return id;
  }

  private static UUID group(UUID connectionId, String displayName, UUID... members) throws Exception {
    UUID id = UUID.randomUUID();
    groups.create(id, doc(displayName), name(displayName), List.of(members), ctx(connectionId))
        .await(10, TimeUnit.SECONDS);
    return id;
  }

  private static ObjectNode doc(String displayName) {
    return ScimJson.object().put("displayName", displayName);
  }

  private static ProductName name(String displayName) {
    return new ProductName(PREFIX, PREFIX + displayName);
  }

  /** The audit context of a request through {@code connectionId}, with its connection's tenant. */
  private static AuditContext ctx(UUID connectionId) {
    UUID of = connectionId.equals(otherTenantsConnection) ? otherTenant : tenant;
    return new AuditContext(of, connectionId, "scim", "req-" + REQUESTS.incrementAndGet());
  }

  private static List<UUID> memberIds(UUID groupId) throws Exception {
    List<UUID> ids = new ArrayList<>();
    pool.preparedQuery("SELECT member_id FROM scim_group_members WHERE group_id = $1 ORDER BY member_id")
        .execute(Tuple.of(groupId)).await(10, TimeUnit.SECONDS).forEach(row -> ids.add(row.getUUID(0)));
    return ids;
  }

  /** Runs {@code work} on the event loop of a new verticle, where concurrent writes are group-committed. */
  private static <T> T onNewEventLoop(Supplier<T> work) throws Exception {
    Promise<Context> deployed = Promise.promise();
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        deployed.complete(context);
        return Future.succeededFuture();
      }
    }).await(10, TimeUnit.SECONDS);
    Promise<T> result = Promise.promise();
    deployed.future().await(10, TimeUnit.SECONDS).runOnContext(ignored -> result.complete(work.get()));
    return result.future().await(10, TimeUnit.SECONDS);
  }

  private static Row row(String query, Object... params) throws Exception {
    return pool.preparedQuery(query).execute(Tuple.wrap(params)).await(10, TimeUnit.SECONDS).iterator().next();
  }
}
