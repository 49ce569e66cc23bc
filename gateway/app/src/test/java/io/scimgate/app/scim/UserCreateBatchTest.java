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
 * Concurrent creates share one INSERT per batch (group commit), and each request still gets its own answer: a 409
 * for its own duplicate, a failure for its own poison row, never one for a neighbour's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UserCreateBatchTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ExecutorService clients;

  @BeforeAll
  static void start() {
    clients = Executors.newFixedThreadPool(64);
  }

  @AfterAll
  static void stop() {
    clients.shutdownNow();
  }

  @Test
  void concurrentCreatesShareStatementsAndEachGetsItsOwnAnswer() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    assertThat(create(client, "existing@example.com").status()).isEqualTo(201);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      names.add("batch" + i + "@example.com");
    }
    for (int i = 0; i < 16; i++) {
      names.add(i * 10 + 5, "BATCH" + (i * 10) + "@Example.com"); // the same userName, another case
    }
    names.add(80, "Existing@Example.com");
    List<Reply> replies = createAll(client, names);

    long created = replies.stream().filter(reply -> reply.status() == 201).count();
    List<Reply> refused = replies.stream().filter(reply -> reply.status() != 201).toList();
    assertThat(created).isEqualTo(160);
    assertThat(refused).hasSize(17);
    refused.forEach(reply -> assertScimError(reply, 409, "uniqueness"));
    String tenant = client.tenantId();
    assertThat(gateway.sql("SELECT count(*)::text FROM scim_users WHERE tenant_id = $1::uuid", tenant))
        .isEqualTo("161");
    assertThat(gateway.sql("SELECT count(*)::text FROM audit_log WHERE tenant_id = $1::uuid AND action = 'create'"
        + " AND resource_type = 'User' AND resource_id IN (SELECT id::text FROM scim_users)", tenant)).isEqualTo("161");
    assertThat(gateway.sql("SELECT count(DISTINCT request_id)::text FROM audit_log WHERE tenant_id = $1::uuid"
        + " AND action = 'create' AND resource_type = 'User'", tenant)).as("each row keeps its own request id")
        .isEqualTo("161");
    assertThat(gateway.sql("SELECT count(*)::text FROM outbox_events WHERE tenant_id = $1::uuid"
        + " AND type = 'user.created'", tenant)).isEqualTo("161");
    // users inserted by one statement share its transaction's timestamp
    String transactions = gateway.sql("SELECT count(DISTINCT created_at)::text FROM scim_users"
        + " WHERE tenant_id = $1::uuid", tenant);
    System.out.printf("161 creates in %s transactions%n", transactions);
    assertThat(Integer.parseInt(transactions)).as("creates were batched").isLessThan(161);
  }

  @Test
  void aBatchThatFailsAsAWholeIsRetriedOneCreateAtATime() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    // a row PostgreSQL refuses, standing for any error that fails a whole multi-row statement
    gateway.sql("CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " IF NEW.user_name LIKE 'poison%' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$");
    gateway.sql("CREATE TRIGGER poison BEFORE INSERT ON scim_users FOR EACH ROW EXECUTE FUNCTION poison()");
    try {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        names.add((i % 30 == 7 ? "poison" : "healthy") + i + "@example.com");
      }
      List<Reply> replies = createAll(client, names);
      for (int i = 0; i < names.size(); i++) {
        int status = replies.get(i).status();
        if (names.get(i).startsWith("poison")) {
          assertThat(status).as(names.get(i)).isEqualTo(500);
        } else {
          assertThat(status).as(names.get(i) + " " + replies.get(i)).isEqualTo(201);
        }
      }
      assertThat(gateway.sql("SELECT count(*)::text FROM scim_users WHERE tenant_id = $1::uuid", client.tenantId()))
          .isEqualTo("116");
    } finally {
      gateway.sql("DROP TRIGGER poison ON scim_users");
      gateway.sql("DROP FUNCTION poison()");
    }
  }

  private static List<Reply> createAll(ScimClient client, List<String> names) throws Exception {
    List<Future<Reply>> pending = new ArrayList<>();
    for (String name : names) {
      pending.add(clients.submit(() -> create(client, name)));
    }
    List<Reply> replies = new ArrayList<>();
    for (Future<Reply> reply : pending) {
      replies.add(reply.get(60, TimeUnit.SECONDS));
    }
    return replies;
  }

  private static Reply create(ScimClient client, String userName) {
    return client.scim().post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
        + "\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\",\"primary\":true}]}");
  }
}
