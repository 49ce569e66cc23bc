package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * PATCHes that only set {@code active} (Okta's and Entra's deactivations) skip the read and share statements under
 * load, and each request still gets its own answer: its user, its version, its own 404 or 412.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ActiveFlipTest {
  private static final String OKTA_DEACTIVATE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
      + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient client;
  private static ExecutorService clients;

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
  void anOffboardingStormSharesStatementsAndEachRequestKeepsItsOwnAnswer() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      users.add(client.scim().post("/Users", "{\"userName\":\"leaver" + i + "@example.com\",\"displayName\":\"Leaver "
          + i + "\"}").json().get("id").asText());
    }
    List<String> targets = new ArrayList<>(users);
    for (int i = 0; i < 5; i++) {
      targets.add(i * 30 + 7, UUID.randomUUID().toString()); // no such user: 404 for that request only
    }
    List<Future<Reply>> pending = new ArrayList<>();
    for (String user : targets) {
      pending.add(clients.submit(() -> client.scim().patch("/Users/" + user, OKTA_DEACTIVATE)));
    }
    for (int i = 0; i < targets.size(); i++) {
      Reply reply = pending.get(i).get(60, TimeUnit.SECONDS);
      if (users.contains(targets.get(i))) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("id").asText()).isEqualTo(targets.get(i));
        assertThat(reply.json().get("active").asBoolean()).isFalse();
        assertThat(reply.json().get("displayName").asText()).startsWith("Leaver ");
        assertThat(reply.header("ETag")).isEqualTo("W/\"2\"");
      } else {
        assertScimError(reply, 404, null);
      }
    }
    String tenant = client.tenantId();
    assertThat(gateway.sql("SELECT count(*)::text FROM scim_users WHERE tenant_id = $1::uuid AND NOT active"
        + " AND doc->>'active' = 'false'", tenant)).isEqualTo("150");
    assertThat(gateway.sql("SELECT count(*)::text FROM outbox_events WHERE tenant_id = $1::uuid"
        + " AND type = 'user.deactivated'", tenant)).isEqualTo("150");
    assertThat(gateway.sql("SELECT count(DISTINCT request_id)::text FROM audit_log WHERE tenant_id = $1::uuid"
        + " AND action = 'patch' AND resource_type = 'User'", tenant)).isEqualTo("150");
    String statements = gateway.sql("SELECT count(DISTINCT at)::text FROM audit_log WHERE tenant_id = $1::uuid"
        + " AND action = 'patch' AND resource_type = 'User'", tenant);
    System.out.printf("150 deactivations in %s statements%n", statements);
    assertThat(Integer.parseInt(statements)).as("flips were batched").isLessThan(150);
  }

  @Test
  void flipsOfOneUserNeverShareAStatementAndEachAnswersItsOwnVersion() throws Exception {
    String user = client.scim().post("/Users", "{\"userName\":\"flipper@example.com\"}").json().get("id").asText();
    List<Future<Reply>> pending = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean active = i % 2 == 1;
      pending.add(clients.submit(() -> client.scim().patchOps("/Users/" + user,
          "{\"op\":\"Replace\",\"path\":\"active\",\"value\":" + active + "}")));
    }
    Set<String> versions = new HashSet<>();
    String lastVersion = null;
    boolean lastActive = false;
    for (Future<Reply> reply : pending) {
      Reply answer = reply.get(60, TimeUnit.SECONDS);
      assertThat(answer.status()).isEqualTo(200);
      versions.add(answer.header("ETag"));
      if (answer.header("ETag").equals("W/\"41\"")) {
        lastVersion = answer.header("ETag");
        lastActive = answer.json().get("active").asBoolean();
      }
    }
    assertThat(versions).hasSize(40);
    assertThat(lastVersion).isNotNull();
    Reply stored = client.scim().get("/Users/" + user);
    assertThat(stored.header("ETag")).isEqualTo("W/\"41\"");
    assertThat(stored.json().get("active").asBoolean()).isEqualTo(lastActive);
  }

  @Test
  void aStaleIfMatchIsA412AndChangesNothing() {
    String user = client.scim().post("/Users", "{\"userName\":\"careful@example.com\"}").json().get("id").asText();
    Reply stale = client.scim().send("PATCH", "/Users/" + user, OKTA_DEACTIVATE, "application/scim+json",
        Map.of("If-Match", "W/\"7\""));
    assertScimError(stale, 412, null);
    assertThat(client.scim().get("/Users/" + user).json().get("active").asBoolean()).isTrue();
    Reply fresh = client.scim().send("PATCH", "/Users/" + user, OKTA_DEACTIVATE, "application/scim+json",
        Map.of("If-Match", "W/\"1\""));
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.json().get("active").asBoolean()).isFalse();
  }
}
