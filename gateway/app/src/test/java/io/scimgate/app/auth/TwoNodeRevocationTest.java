package io.scimgate.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.ScimClient;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two gateway processes on one database: a token disabled, rotated out or deleted through node A stops working
 * on node B within a second (LISTEN/NOTIFY keeps every node's connection view fresh).
 */
class TwoNodeRevocationTest {
  /** Node A is the extension's first node, node B its second. */
  @RegisterExtension
  static final GatewayExtension nodes = GatewayExtension.create().withSecondNode();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = nodes.admin();
  }

  @Test
  void disablingOnOneNodeRevokesOnTheOtherWithinASecond() throws Exception {
    ScimClient client = nodes.newConnection("okta");
    Http onB = onNodeB(client, client.token());
    assertThat(onB.get("/Users").status()).isEqualTo(200);
    admin.post(connectionPath(client) + "/disable", "{}");
    assertThat(millisUntil(() -> onB.get("/Users").status() == 401)).isLessThan(1000);
  }

  @Test
  void rotationOnOneNodeRevokesTheOldTokenOnTheOtherWithinASecond() throws Exception {
    ScimClient client = nodes.newConnection("azure-ad");
    Http onB = onNodeB(client, client.token());
    assertThat(onB.get("/Users").status()).isEqualTo(200);
    String fresh = admin.post(connectionPath(client) + "/rotate-token", "{}").json().get("token").asText();
    assertThat(millisUntil(() -> onB.get("/Users").status() == 401)).isLessThan(1000);
    assertThat(onNodeB(client, fresh).get("/Users").status()).isEqualTo(200);
  }

  @Test
  void deletionAndScimDisableReachTheOtherNodeWithinASecond() throws Exception {
    ScimClient deleted = nodes.newConnection("onelogin");
    Http deletedOnB = onNodeB(deleted, deleted.token());
    assertThat(deletedOnB.get("/Users").status()).isEqualTo(200);
    admin.delete(connectionPath(deleted));
    assertThat(millisUntil(() -> deletedOnB.get("/Users").status() == 401)).isLessThan(1000);

    ScimClient tenantOff = nodes.newConnection("custom");
    Http offOnB = onNodeB(tenantOff, tenantOff.token());
    assertThat(offOnB.get("/Users").status()).isEqualTo(200);
    admin.put("/admin/v1/tenants/" + tenantOff.tenantId() + "/scim", "{\"enabled\":false}");
    assertThat(millisUntil(() -> offOnB.get("/Users").status() == 403)).isLessThan(1000);
  }

  @Test
  void newConnectionsAndRotatedTokensWorkOnTheOtherNodeAtOnce() {
    for (int i = 0; i < 10; i++) {
      ScimClient client = nodes.newConnection("okta");
      // a write as the very first request: the body must survive the lookup node B makes
      assertThat(onNodeB(client, client.token()).post("/Users", Fixtures.oktaUser("first" + i + "@okta.local"))
          .status()).as("new connection on B").isEqualTo(201);
      String fresh = admin.post(connectionPath(client) + "/rotate-token", "{}").json().get("token").asText();
      assertThat(onNodeB(client, fresh).get("/Users").status()).as("rotated token on B").isEqualTo(200);
    }
  }

  private static Http onNodeB(ScimClient client, String token) {
    return new Http(nodes.secondNode().url() + "/scim/v2/" + client.connectionId(), token);
  }

  /** Milliseconds until {@code condition} holds, polling every 20 ms; fails after 5 s. */
  private static long millisUntil(Supplier<Boolean> condition) throws InterruptedException {
    long start = System.nanoTime();
    while (!condition.get()) {
      if (System.nanoTime() - start > 5_000_000_000L) {
        throw new AssertionError("condition not reached within 5 s");
      }
      Thread.sleep(20);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String connectionPath(ScimClient client) {
    return "/admin/v1/tenants/" + client.tenantId() + "/connections/" + client.connectionId();
  }
}
