package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of write that goes through group commit, at once and shuffled: creates (some duplicates, some
 * invalid), membership PATCHes of one group (some naming unknown users, some with a stale {@code If-Match}) and
 * deactivations (some of users that do not exist, some with a stale or a fresh {@code If-Match}). Each request must
 * get exactly its own answer, and afterwards the store must hold exactly what was acknowledged: no refused write
 * left a trace, no acknowledged one is missing, and the audit log and the outbox have one row per acknowledged write.
 * The per-kind tests ({@link UserCreateBatchTest}, {@link MemberPatchBatchTest}, {@link ActiveFlipTest}) look at
 * each batcher alone; this one makes them share the event loops, the pool and the tenant's write slots.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BatchedWritesStormTest {
  private static final String DEACTIVATE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
      + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";
  private static final String STALE = "W/\"0\"";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient client;
  private static ExecutorService clients;

  /** One request of the storm: how to send it, and what its answer and the store must then say. */
  private record Write(String name, Supplier<Reply> send, Consumer<Reply> expect) {}

  @BeforeAll
  static void start() {
    client = gateway.newConnection("okta");
    clients = Executors.newFixedThreadPool(64);
  }

  @AfterAll
  static void stop() {
    clients.shutdownNow();
  }

  @Test
  void everyRequestGetsItsOwnAnswerAndTheStoreHoldsExactlyTheAcknowledgedWrites() throws Exception {
    List<String> existing = createUsers("existing", 40);
    List<String> members = createUsers("member", 90);
    String group = client.scim().post("/Groups", "{\"displayName\":\"Storm\"}").json().get("id").asText();
    List<String> newNames = new ArrayList<>();
    List<String> joined = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    List<String> deactivated = new ArrayList<>();
    List<String> keptActive = new ArrayList<>();
    List<Write> storm = new ArrayList<>();

    for (int i = 0; i < 100; i++) {
      newNames.add("new" + i + "@example.com");
      storm.add(create(newNames.get(i), reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201)));
    }
    for (int i = 0; i < 10; i++) {
      storm.add(create("EXISTING" + i + "@Example.com", reply -> assertScimError(reply, 409, "uniqueness")));
      storm.add(create("x".repeat(300) + i + "@example.com", reply -> assertScimError(reply, 400, "invalidValue")));
    }
    for (int i = 0; i < 90; i++) {
      String member = members.get(i);
      if (i % 9 == 4) {
        leftOut.add(member);
        storm.add(addMember(group, member, STALE, reply -> assertScimError(reply, 412, null)));
      } else {
        joined.add(member);
        storm.add(addMember(group, member, null, reply -> assertThat(reply.status()).as(reply.toString())
            .isIn(200, 204)));
      }
    }
    for (int i = 0; i < 10; i++) {
      storm.add(addMember(group, "unknown-" + UUID.randomUUID(), null,
          reply -> assertScimError(reply, 400, "invalidValue")));
    }
    for (int i = 0; i < 40; i++) {
      String user = existing.get(i);
      if (i % 8 == 3) {
        keptActive.add(user);
        storm.add(deactivate(user, STALE, reply -> assertScimError(reply, 412, null)));
      } else {
        deactivated.add(user);
        storm.add(deactivate(user, i % 8 == 5 ? "W/\"1\"" : null, reply -> assertDeactivated(reply, user)));
      }
    }
    for (int i = 0; i < 10; i++) {
      storm.add(deactivate(UUID.randomUUID().toString(), null, reply -> assertScimError(reply, 404, null)));
    }
    Collections.shuffle(storm, new Random(17));

    sendAndCheckEach(storm);

    String tenant = client.tenantId();
    assertThat(userNames(tenant, "new%")).isEqualTo(new TreeSet<>(newNames));
    assertThat(count("SELECT count(*) FROM scim_users WHERE tenant_id = $1::uuid", tenant))
        .as("40 existing + 90 members + 100 created, nothing from a refused create").isEqualTo(230);
    assertThat(rows("SELECT member_id::text FROM scim_group_members WHERE group_id = $1::uuid", group))
        .isEqualTo(new TreeSet<>(joined));
    assertThat(client.scim().get("/Groups/" + group).header("ETag"))
        .as("one version per acknowledged membership change").isEqualTo("W/\"" + (1 + joined.size()) + "\"");
    assertThat(rows("SELECT id::text FROM scim_users WHERE tenant_id = $1::uuid AND NOT active", tenant))
        .isEqualTo(new TreeSet<>(deactivated));
    keptActive.forEach(user -> assertThat(client.scim().get("/Users/" + user).json().get("active").asBoolean())
        .as("a 412 changed nothing").isTrue());
    assertThat(count("SELECT count(*) FROM audit_log WHERE tenant_id = $1::uuid AND action = 'create'"
        + " AND resource_type = 'User'", tenant)).isEqualTo(230);
    assertThat(count("SELECT count(DISTINCT request_id) FROM audit_log WHERE tenant_id = $1::uuid"
        + " AND action = 'patch'", tenant)).as("one audit row per acknowledged PATCH, with its own request id")
        .isEqualTo(joined.size() + deactivated.size());
    assertThat(count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid AND type = 'user.deactivated'",
        tenant)).isEqualTo(deactivated.size());
    assertThat(count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid AND type = 'user.created'",
        tenant)).isEqualTo(230);
    int statements = count("SELECT count(DISTINCT created_at) FROM scim_users WHERE tenant_id = $1::uuid"
        + " AND user_name LIKE 'new%'", tenant);
    System.out.printf("100 creates in a mixed storm took %d statements%n", statements);
    assertThat(statements).as("creates were batched while the other kinds ran").isLessThan(100);
  }

  private static void sendAndCheckEach(List<Write> storm) throws Exception {
    List<Future<Reply>> pending = new ArrayList<>();
    for (Write write : storm) {
      pending.add(clients.submit(write.send()::get));
    }
    for (int i = 0; i < storm.size(); i++) {
      Reply reply = pending.get(i).get(90, TimeUnit.SECONDS);
      Write write = storm.get(i);
      try {
        write.expect().accept(reply);
      } catch (AssertionError wrong) {
        throw new AssertionError(write.name() + " got " + reply, wrong);
      }
    }
  }

  private static Write create(String userName, Consumer<Reply> expect) {
    return new Write("create " + userName, () -> client.scim().post("/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}"), expect);
  }

  private static Write addMember(String group, String member, String ifMatch, Consumer<Reply> expect) {
    String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
        + "\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]}";
    return new Write("add " + member + (ifMatch == null ? "" : " if " + ifMatch),
        () -> client.scim().send("PATCH", "/Groups/" + group, body, "application/scim+json", headers(ifMatch)), expect);
  }

  private static Write deactivate(String user, String ifMatch, Consumer<Reply> expect) {
    return new Write("deactivate " + user + (ifMatch == null ? "" : " if " + ifMatch),
        () -> client.scim().send("PATCH", "/Users/" + user, DEACTIVATE, "application/scim+json", headers(ifMatch)),
        expect);
  }

  private static void assertDeactivated(Reply reply, String user) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo(user);
    assertThat(reply.json().get("active").asBoolean()).isFalse();
    assertThat(reply.header("ETag")).isEqualTo("W/\"2\"");
  }

  private static Map<String, String> headers(String ifMatch) {
    return ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
  }

  private static List<String> createUsers(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(client.scim().post("/Users", "{\"userName\":\"" + prefix + i + "@example.com\"}").json().get("id")
          .asText());
    }
    return ids;
  }

  private static Set<String> userNames(String tenant, String like) throws Exception {
    return split(gateway.sql("SELECT string_agg(user_name, ',') FROM scim_users WHERE tenant_id = $1::uuid"
        + " AND user_name LIKE '" + like + "'", tenant));
  }

  private static Set<String> rows(String select, String parameter) throws Exception {
    return split(gateway.sql("SELECT string_agg(x, ',') FROM (" + select + ") AS rows(x)", parameter));
  }

  private static Set<String> split(String joined) {
    return joined == null ? new TreeSet<>() : new TreeSet<>(List.of(joined.split(",")));
  }

  private static int count(String select, String parameter) throws Exception {
    return Integer.parseInt(gateway.sql(select, parameter));
  }
}
