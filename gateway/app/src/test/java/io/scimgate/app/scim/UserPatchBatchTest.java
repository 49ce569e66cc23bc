package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
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
 * Entra-style attribute PATCHes of many users at once share their write statements (group commit) and each
 * request still gets its own answer: its user with its own values at its own version, its own 409 when it takes a
 * userName another user has (that request alone, while the statement it was batched in is retried one by one).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UserPatchBatchTest {
  private static final int USERS = 150;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient client;
  private static ExecutorService clients;

  @BeforeAll
  static void start() {
    client = gateway.newConnection("azure-ad");
    clients = Executors.newFixedThreadPool(64);
  }

  @AfterAll
  static void stop() {
    clients.shutdownNow();
  }

  @Test
  void attributePatchesOfManyUsersShareStatementsAndEachGetsItsOwnAnswer() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(client.scim().post("/Users", "{\"userName\":\"sync" + i + "@contoso.example\",\"displayName\":"
          + "\"Sync " + i + "\",\"emails\":[{\"type\":\"work\",\"value\":\"sync" + i + "@contoso.example\"}]}")
          .json().get("id").asText());
    }
    List<Future<Reply>> pending = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      pending.add(clients.submit(patch(users.get(i), i)));
    }
    for (int i = 0; i < USERS; i++) {
      Reply reply = pending.get(i).get(60, TimeUnit.SECONDS);
      if (takesAName(i)) {
        assertScimError(reply, 409, "uniqueness");
        Reply unchanged = client.scim().get("/Users/" + users.get(i));
        assertThat(unchanged.json().get("displayName").asText()).isEqualTo("Sync " + i);
        assertThat(unchanged.header("ETag")).isEqualTo("W/\"1\"");
      } else {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("id").asText()).isEqualTo(users.get(i));
        assertThat(reply.json().get("displayName").asText()).isEqualTo("Renamed " + i);
        assertThat(reply.json().get("emails").get(0).get("value").asText()).isEqualTo("moved" + i + "@contoso.example");
        assertThat(reply.header("ETag")).isEqualTo("W/\"2\"");
      }
    }
    String tenant = client.tenantId();
    int conflicts = (int) java.util.stream.IntStream.range(0, USERS).filter(UserPatchBatchTest::takesAName).count();
    assertThat(gateway.sql("SELECT count(*)::text FROM scim_users WHERE tenant_id = $1::uuid AND version = 2"
        + " AND display_name LIKE 'Renamed %' AND emails_folded[1] LIKE 'moved%'", tenant))
        .isEqualTo("" + (USERS - conflicts));
    assertThat(gateway.sql("SELECT count(DISTINCT request_id)::text FROM audit_log WHERE tenant_id = $1::uuid"
        + " AND action = 'patch'", tenant)).as("one audit row per acknowledged PATCH").isEqualTo("" + (USERS - conflicts));
    String statements = gateway.sql("SELECT count(DISTINCT at)::text FROM audit_log WHERE tenant_id = $1::uuid"
        + " AND action = 'patch'", tenant);
    System.out.printf("%d attribute PATCHes in %s statements%n", USERS - conflicts, statements);
    assertThat(Integer.parseInt(statements)).as("updates were batched").isLessThan(USERS - conflicts);
  }

  /** Every 30th request renames its user to the userName of the user before it (taken: 409). */
  private static boolean takesAName(int i) {
    return i % 30 == 11;
  }

  private static java.util.concurrent.Callable<Reply> patch(String user, int i) {
    String userName = takesAName(i) ? "sync" + (i - 1) + "@contoso.example" : "sync" + i + "@contoso.example";
    return () -> client.scim().patchOps("/Users/" + user,
        "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + userName + "\"}",
        "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Renamed " + i + "\"}",
        "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"moved" + i
            + "@contoso.example\"}");
  }
}
