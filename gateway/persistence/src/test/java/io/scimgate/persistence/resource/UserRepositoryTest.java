package io.scimgate.persistence.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.Page;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The user repository without HTTP, against a real PostgreSQL: what it stores and answers for creates, reads,
 * replaces, PATCHes and deletes (versions, preconditions, audit rows), the 409 for a userName taken in the
 * connection (also between creates that share one group-committed INSERT), the memberships a delete takes along,
 * and that a connection can neither read nor change another connection's users. The SCIM endpoints' HTTP tests
 * cover the same paths through the whole gateway; these say which layer a failure is in.
 */
class UserRepositoryTest {
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(4);
  private static Vertx vertx;
  private static Pool pool;
  private static UserRepository users;
  private static GroupRepository groups;
  private static UUID tenant;
  private static UUID connection;
  private static UUID otherConnection;
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    users = new UserRepository(pool);
    groups = new GroupRepository(pool);
    tenant = UUID.randomUUID();
    connection = UUID.randomUUID();
    otherConnection = UUID.randomUUID();
    db.sql("INSERT INTO tenants (id, name) VALUES ($1, 'Acme')", tenant);
    for (UUID id : List.of(connection, otherConnection)) {
      db.sql("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, status, token_generation,"
          + " token_fingerprint) VALUES ($1, $2, 'okta', 'Okta', 'Okta SCIM - ', 'enabled', 1, 'f')", id, tenant);
    }
  }

  @Test
  void aCreatedUserReadsBackAtVersionOneActiveByDefaultWithItsAuditRow() throws Exception {
    UUID id = UUID.randomUUID();
    AuditContext ctx = ctx(connection);
    StoredResource created = users.create(id, user("ann@acme.example", "Ann@Acme.example"), ctx)
        .await(10, TimeUnit.SECONDS);

    assertThat(created.id()).isEqualTo(id);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.doc().get("active").asBoolean()).as("absent means active").isTrue();
    assertThat(created.lastModified()).isEqualTo(created.created());
    StoredResource read = users.get(connection, id).await(10, TimeUnit.SECONDS);
    assertThat(read).isEqualTo(created);
    assertThat(read.doc().get("userName").asText()).isEqualTo("ann@acme.example");

    Row row = row("SELECT tenant_id, connection_id, user_name, active, emails_folded FROM scim_users WHERE id = $1",
        id);
    assertThat(row.getUUID("tenant_id")).isEqualTo(tenant);
    assertThat(row.getUUID("connection_id")).isEqualTo(connection);
    assertThat(row.getBoolean("active")).isTrue();
    assertThat(row.getArrayOfStrings("emails_folded")).containsExactly("ann@acme.example");
    assertThat(audit(id)).containsExactly("create User " + ctx.requestId());
  }

  @Test
  void everyWriteBumpsTheVersionByOneAndAStaleIfMatchIsA412() throws Exception {
    UUID id = created(connection, "bob@acme.example");

    StoredResource replaced = users.replace(id, user("bob@acme.example", null).put("displayName", "Bob"), null,
        ctx(connection)).await(10, TimeUnit.SECONDS);
    assertThat(replaced.version()).isEqualTo(2);
    StoredResource conditional = users.replace(id, user("bob@acme.example", null).put("displayName", "Bobby"), 2L,
        ctx(connection)).await(10, TimeUnit.SECONDS);
    assertThat(conditional.version()).isEqualTo(3);
    assertScimError(users.replace(id, user("bob@acme.example", null).put("displayName", "Robert"), 2L,
        ctx(connection)), 412);
    assertThat(users.get(connection, id).await(10, TimeUnit.SECONDS).doc().get("displayName").asText())
        .as("a stale precondition wrote nothing").isEqualTo("Bobby");

    StoredResource patched = users.patch(id, 3L, stored -> stored.doc().deepCopy().put("nickName", "Bo"),
        ctx(connection)).await(10, TimeUnit.SECONDS);
    assertThat(patched.version()).isEqualTo(4);
    assertThat(patched.doc().get("nickName").asText()).isEqualTo("Bo");
    assertScimError(users.patch(id, 3L, stored -> stored.doc().deepCopy(), ctx(connection)), 412);

    StoredResource deactivated = users.setActive(id, false, null, ctx(connection)).await(10, TimeUnit.SECONDS);
    assertThat(deactivated.version()).isEqualTo(5);
    assertThat(deactivated.doc().get("active").asBoolean()).isFalse();
    assertThat(row("SELECT active FROM scim_users WHERE id = $1", id).getBoolean(0)).isFalse();
    assertScimError(users.setActive(id, true, 4L, ctx(connection)), 412);

    // Okta and others PUT without active: that must not re-enable anyone
    StoredResource put = users.replace(id, user("bob@acme.example", null), null, ctx(connection))
        .await(10, TimeUnit.SECONDS);
    assertThat(put.version()).isEqualTo(6);
    assertThat(put.doc().get("active").asBoolean()).isFalse();
    assertThat(put.created()).isEqualTo(replaced.created());
    assertThat(put.lastModified()).isAfterOrEqualTo(patched.lastModified());
    assertThat(audit(id)).hasSize(6).allSatisfy(entry -> assertThat(entry).matches("(create|replace|patch) User .*"));
  }

  @Test
  void aUserNameTakenInTheConnectionIsA409WhateverItsCase() throws Exception {
    UUID first = created(connection, "cyd@acme.example");
    ScimException taken = assertScimError(users.create(UUID.randomUUID(), user("CYD@Acme.Example", null),
        ctx(connection)), 409);
    assertThat(taken.scimType()).isEqualTo("uniqueness");
    assertThat(row("SELECT count(*) FROM scim_users WHERE lower(user_name) = 'cyd@acme.example'").getLong(0))
        .isEqualTo(1);

    UUID elsewhere = created(otherConnection, "cyd@acme.example");
    assertThat(elsewhere).as("unique per connection only").isNotEqualTo(first);

    UUID dee = created(connection, "dee@acme.example");
    assertScimError(users.replace(dee, user("Cyd@acme.example", null), null, ctx(connection)), 409);
    assertThat(users.get(connection, dee).await(10, TimeUnit.SECONDS).doc().get("userName").asText())
        .isEqualTo("dee@acme.example");
  }

  @Test
  void concurrentCreatesAreEachAnsweredAndOnlyTheLaterOfTwoEqualUserNamesIsRefused() throws Exception {
    List<String> names = IntStream.range(0, 30).mapToObj(i -> "batch" + i + "@acme.example")
        .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    names.set(20, "BATCH10@acme.example"); // the same userName as the 11th, in another case
    List<UUID> ids = names.stream().map(name -> UUID.randomUUID()).toList();
    List<Future<StoredResource>> answers = onNewEventLoop(() -> IntStream.range(0, names.size())
        .mapToObj(i -> users.create(ids.get(i), user(names.get(i), null), ctx(connection))).toList());
    Future.join(answers).otherwise(failed -> null).await(30, TimeUnit.SECONDS);

    for (int i = 0; i < names.size(); i++) {
      if (i == 20) {
        assertThat(answers.get(i).cause()).isInstanceOf(ScimException.class);
        assertThat(((ScimException) answers.get(i).cause()).status()).isEqualTo(409);
      } else {
        assertThat(answers.get(i).result().id()).as("create %d", i).isEqualTo(ids.get(i));
        assertThat(answers.get(i).result().doc().get("userName").asText()).isEqualTo(names.get(i));
      }
    }
    assertThat(row("SELECT count(*) FROM scim_users WHERE id = ANY($1)", (Object) ids.toArray(UUID[]::new))
        .getLong(0)).isEqualTo(29);
    assertThat(row("SELECT count(*) FROM audit_log WHERE action = 'create' AND resource_id = ANY($1)",
        (Object) ids.stream().map(UUID::toString).toArray(String[]::new)).getLong(0))
        .as("an audit row for each stored user, none for the refused one").isEqualTo(29);
  }

  @Test
  void deletingAUserRemovesItsMembershipsAndNoOthers() throws Exception {
    UUID eve = created(connection, "eve@acme.example");
    UUID fay = created(connection, "fay@acme.example");
    UUID staff = group(connection, "Staff", eve, fay);
    UUID admins = group(connection, "Admins", eve);

    assertScimError(users.delete(eve, 7L, ctx(connection)), 412);
    assertThat(users.get(connection, eve).await(10, TimeUnit.SECONDS)).as("a stale delete deleted nothing")
        .isNotNull();

    AuditContext deleting = ctx(connection);
    assertThat(users.delete(eve, 1L, deleting).await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(users.get(connection, eve).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(row("SELECT count(*) FROM scim_group_members WHERE member_id = $1", eve).getLong(0)).isZero();
    assertThat(memberIds(staff)).containsExactly(fay);
    assertThat(memberIds(admins)).isEmpty();
    assertThat(audit(eve)).last().isEqualTo("delete User " + deleting.requestId());
    assertThat(users.delete(eve, null, ctx(connection)).await(10, TimeUnit.SECONDS)).as("already gone").isFalse();
  }

  @Test
  void oneConnectionCannotReadOrChangeAnotherConnectionsUsers() throws Exception {
    UUID gus = created(connection, "gus@acme.example");
    created(otherConnection, "hal@acme.example");

    assertThat(users.get(otherConnection, gus).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(users.get(otherConnection, gus, true).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(users.list(otherConnection, everything()).await(10, TimeUnit.SECONDS).items())
        .extracting(user -> user.user().id()).doesNotContain(gus).isNotEmpty();
    assertThat(users.replace(gus, user("gus@acme.example", null).put("displayName", "X"), null,
        ctx(otherConnection)).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(users.replace(gus, user("gus@acme.example", null), 1L, ctx(otherConnection))
        .await(10, TimeUnit.SECONDS)).as("not a 412: the user does not exist for that connection").isNull();
    assertThat(users.patch(gus, null, stored -> stored.doc().deepCopy().put("displayName", "X"),
        ctx(otherConnection)).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(users.setActive(gus, false, null, ctx(otherConnection)).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(users.delete(gus, null, ctx(otherConnection)).await(10, TimeUnit.SECONDS)).isFalse();

    StoredResource untouched = users.get(connection, gus).await(10, TimeUnit.SECONDS);
    assertThat(untouched.version()).isEqualTo(1);
    assertThat(untouched.doc().get("active").asBoolean()).isTrue();
    assertThat(untouched.doc().has("displayName")).isFalse();
  }

  @Test
  void aUserIsReadWithItsGroupsAndListedWithTheTotal() throws Exception {
    UUID ida = created(connection, "ida@acme.example");
    UUID zeta = group(connection, "Zeta", ida);
    UUID alpha = group(connection, "Alpha", ida);

    UserWithGroups read = users.get(connection, ida, true).await(10, TimeUnit.SECONDS);
    assertThat(read.groups()).containsExactly(new GroupRef(alpha, "Alpha"), new GroupRef(zeta, "Zeta"));
    assertThat(users.get(connection, ida, false).await(10, TimeUnit.SECONDS).groups()).isNull();

    Page<UserWithGroups> page = users.list(connection, new ResourceQuery(null, null, false, null, 0, 1000, true))
        .await(10, TimeUnit.SECONDS);
    long stored = row("SELECT count(*) FROM scim_users WHERE connection_id = $1", connection).getLong(0);
    assertThat(page.total()).isEqualTo(stored);
    assertThat(page.items()).hasSize((int) stored);
    assertThat(page.items()).filteredOn(user -> user.user().id().equals(ida)).singleElement()
        .satisfies(user -> assertThat(user.groups()).extracting(GroupRef::id).containsExactly(alpha, zeta));
  }

  private static UUID created(UUID connectionId, String userName) throws Exception {
    UUID id = UUID.randomUUID();
    users.create(id, user(userName, userName), ctx(connectionId)).await(10, TimeUnit.SECONDS);
    return id;
  }

  private static UUID group(UUID connectionId, String name, UUID... members) throws Exception {
    UUID id = UUID.randomUUID();
    ObjectNode doc = ScimJson.object().put("displayName", name);
    groups.create(id, doc, new ProductName("Okta SCIM - ", "Okta SCIM - " + name), List.of(members),
        ctx(connectionId)).await(10, TimeUnit.SECONDS);
    return id;
  }

  private static ObjectNode user(String userName, String email) {
    ObjectNode doc = ScimJson.object().put("userName", userName);
    doc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    if (email != null) {
      doc.putArray("emails").addObject().put("value", email).put("primary", true);
    }
    return doc;
  }

  private static AuditContext ctx(UUID connectionId) {
    return new AuditContext(tenant, connectionId, "scim", "req-" + REQUESTS.incrementAndGet());
  }

  private static ResourceQuery everything() {
    return new ResourceQuery(null, null, false, null, 0, 1000, false);
  }

  private static List<UUID> memberIds(UUID groupId) throws Exception {
    List<UUID> ids = new ArrayList<>();
    pool.preparedQuery("SELECT member_id FROM scim_group_members WHERE group_id = $1 ORDER BY member_id")
        .execute(Tuple.of(groupId)).await(10, TimeUnit.SECONDS).forEach(row -> ids.add(row.getUUID(0)));
    return ids;
  }

  /** The user's audit rows, oldest first, as "action type requestId". */
  private static List<String> audit(UUID id) throws Exception {
    List<String> entries = new ArrayList<>();
    pool.preparedQuery("SELECT action, resource_type, request_id FROM audit_log WHERE resource_id = $1 ORDER BY id")
        .execute(Tuple.of(id.toString())).await(10, TimeUnit.SECONDS)
        .forEach(row -> entries.add(row.getString(0) + " " + row.getString(1) + " " + row.getString(2)));
    return entries;
  }

  static ScimException assertScimError(Future<?> future, int status) throws Exception {
    Throwable failure = future.transform(result -> Future.succeededFuture(result.cause()))
        .await(10, TimeUnit.SECONDS);
    assertThat(failure).isInstanceOf(ScimException.class);
    assertThat(((ScimException) failure).status()).isEqualTo(status);
    return (ScimException) failure;
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
