package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A storm of one-member PATCHes on one group shares statements (group commit), and each request still gets its
 * own answer: its own version, its own 400 for an unknown member, never a neighbour's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MemberPatchBatchTest {
  private static final int USERS = 200;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient client;
  private static ExecutorService clients;
  private static final List<String> users = new ArrayList<>();

  @BeforeAll
  static void start() {
    client = gateway.newConnection("okta");
    clients = Executors.newFixedThreadPool(64);
    for (int i = 0; i < USERS; i++) {
      users.add(client.scim().post("/Users", "{\"userName\":\"member" + i + "@example.com\"}").json().get("id")
          .asText());
    }
  }

  @AfterAll
  static void stop() {
    clients.shutdownNow();
  }

  @Test
  void aMembershipStormSharesStatementsAndEachRequestKeepsItsOwnAnswer() throws Exception {
    String group = client.scim().post("/Groups", "{\"displayName\":\"Storm\"}").json().get("id").asText();
    List<String> members = new ArrayList<>(users);
    for (int i = 0; i < 10; i++) {
      members.add(i * 20 + 3, "unknown-" + UUID.randomUUID()); // refused alone, in the middle of the storm
    }
    List<Future<Reply>> pending = new ArrayList<>();
    for (String member : members) {
      pending.add(clients.submit(() -> addMember(group, member)));
    }
    Set<String> versions = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      Reply reply = pending.get(i).get(60, TimeUnit.SECONDS);
      if (members.get(i).startsWith("unknown-")) {
        assertScimError(reply, 400, "invalidValue");
      } else {
        assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
        versions.add(reply.header("ETag"));
      }
    }
    assertThat(versions).as("each request answers with the version it made").hasSize(USERS);
    assertThat(client.scim().get("/Groups/" + group).json().get("members")).hasSize(USERS);
    assertThat(client.scim().get("/Groups/" + group).header("ETag")).isEqualTo("W/\"" + (USERS + 1) + "\"");
    assertThat(gateway.sql("SELECT count(DISTINCT request_id)::text FROM audit_log WHERE resource_id = $1"
        + " AND action = 'patch'", group)).as("one audit row per request, with its own id").isEqualTo("" + USERS);
    String transactions = gateway.sql("SELECT count(DISTINCT at)::text FROM audit_log WHERE resource_id = $1"
        + " AND action = 'patch'", group);
    System.out.printf("%d membership PATCHes in %s statements%n", USERS, transactions);
    assertThat(Integer.parseInt(transactions)).as("PATCHes were batched").isLessThan(USERS);
  }

  @Test
  void addsAndRemovesOfOneMemberEndAsTheLastOneSays() throws Exception {
    String group = client.scim().post("/Groups", "{\"displayName\":\"Flip\"}").json().get("id").asText();
    for (int round = 0; round < 5; round++) {
      List<Future<Reply>> pending = new ArrayList<>();
      for (String member : users.subList(0, 40)) {
        pending.add(clients.submit(() -> addMember(group, member)));
      }
      for (Future<Reply> reply : pending) {
        assertThat(reply.get(60, TimeUnit.SECONDS).status()).isIn(200, 204);
      }
      pending.clear();
      for (String member : users.subList(0, 40)) {
        pending.add(clients.submit(() -> client.scim().patchOps("/Groups/" + group,
            "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + member + "\\\"]\"}")));
      }
      for (Future<Reply> reply : pending) {
        assertThat(reply.get(60, TimeUnit.SECONDS).status()).isIn(200, 204);
      }
      assertThat(gateway.sql("SELECT count(*)::text FROM scim_group_members WHERE group_id = $1::uuid", group))
          .isEqualTo("0");
    }
  }

  private static Reply addMember(String group, String member) {
    return client.scim().patchOps("/Groups/" + group,
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}");
  }
}
