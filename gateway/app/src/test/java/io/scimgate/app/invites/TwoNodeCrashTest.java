package io.scimgate.app.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayProcess;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.MailServer;
import io.scimgate.app.support.MailServer.Received;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes on one database; 1,000 users pushed into a selected group through both; one node
 * SIGKILLed half-way (no shutdown hook, requests and transactions cut off), then restarted. An IdP retries what
 * failed, on whichever node answers. Afterwards: exactly 1,000 invitations, every person mailed, and one message
 * (one Message-ID) per person.
 */
class TwoNodeCrashTest {
  private static final int USERS = 1000;

  @Test
  void aKilledNodeLosesNothingAndDoublesNothing() throws Exception {
    try (MailServer mail = MailServer.start()) {
      Map<String, String> env = new HashMap<>(mail.gatewayEnvironment());
      // short enough to resend the killed node's mails soon, long enough that a busy machine's queued mails on
      // the surviving node keep their lease
      env.put("SCIMGATE_DELIVERY_LEASE_SECONDS", "6");
      try (TestGateway first = TestGateway.start(env)) {
        ScimClient okta = first.newConnection("okta");
        String group = okta.scim().post("/Groups", Fixtures.group("Everyone")).json().get("id").asText();
        first.sql("INSERT INTO auto_invite_settings (tenant_id, enabled) VALUES ($1::uuid, true)", okta.tenantId());
        first.sql("INSERT INTO auto_invite_groups (tenant_id, group_id) VALUES ($1::uuid, $2::uuid)",
            okta.tenantId(), group);
        AtomicReference<GatewayProcess> second = new AtomicReference<>(GatewayProcess.start(first.databaseUrl(), env));
        try {
          push(first, okta, second, group, env);
          awaitAllSent(first);
          List<Received> received = mail.await(USERS, 30_000);
          assertExactlyOnce(first, received);
        } finally {
          second.get().close();
        }
      }
    }
  }

  /** Two IdP workers, one per node; the second node is killed after half the users and restarted. */
  private static void push(TestGateway first, ScimClient okta, AtomicReference<GatewayProcess> second, String group,
      Map<String, String> env) throws Exception {
    AtomicInteger done = new AtomicInteger();
    ExecutorService idp = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = idp.submit(() -> pushRange(0, USERS / 2, () -> okta.scim(), okta, group, done));
      Future<?> b = idp.submit(() -> pushRange(USERS / 2, USERS, () -> new Http(second.get().url() + "/scim/v2/"
          + okta.connectionId(), okta.token()), okta, group, done));
      while (done.get() < USERS / 2) {
        Thread.sleep(20);
      }
      second.get().kill();
      second.set(GatewayProcess.start(first.databaseUrl(), env));
      a.get();
      b.get();
    } finally {
      idp.shutdownNow();
    }
  }

  private static Void pushRange(int from, int to, java.util.function.Supplier<Http> node, ScimClient okta,
      String group, AtomicInteger done) {
    for (int n = from; n < to; n++) {
      String email = "crash-" + n + "@example.com";
      String id = createUser(node, okta, email);
      String add = "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}";
      retrying(node, okta, http -> http.patchOps("/Groups/" + group, add), 204);
      done.incrementAndGet();
    }
    return null;
  }

  /** POST, and after a failure whose outcome is unknown, the existence check Okta does before retrying. */
  private static String createUser(java.util.function.Supplier<Http> node, ScimClient okta, String email) {
    Reply reply = retrying(node, okta, http -> {
      Reply created = http.post("/Users", Fixtures.oktaUser(email));
      return created.status() == 409 ? http.get("/Users?filter="
          + Http.encode("userName eq \"" + email + "\"")) : created;
    }, 0);
    JsonNode body = reply.json();
    return body.has("Resources") ? body.get("Resources").get(0).get("id").asText() : body.get("id").asText();
  }

  /** Sends on the worker's node, or on the first node while the worker's is down, until a 2xx. */
  private static Reply retrying(java.util.function.Supplier<Http> node, ScimClient okta,
      java.util.function.Function<Http, Reply> request, int expected) {
    for (int attempt = 0; attempt < 50; attempt++) {
      Http http = attempt % 2 == 0 ? node.get() : okta.scim();
      try {
        Reply reply = request.apply(http);
        if (reply.status() / 100 == 2 && (expected == 0 || reply.status() == expected)) {
          return reply;
        }
      } catch (UncheckedIOException | IllegalStateException nodeDown) {
        // connection refused or reset: the node was killed; the IdP retries
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no node accepted the request");
  }

  private static void awaitAllSent(TestGateway gateway) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    String sent = "0";
    while (System.currentTimeMillis() < deadline) {
      sent = gateway.sql("SELECT count(*) FROM deliveries WHERE channel = 'email' AND status = 'sent'");
      if (Long.parseLong(sent) >= USERS) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("only " + sent + " invitation mails sent; pending: "
        + gateway.sql("SELECT count(*) FROM deliveries WHERE status <> 'sent'"));
  }

  private static void assertExactlyOnce(TestGateway gateway, List<Received> received) throws Exception {
    assertThat(gateway.sql("SELECT count(*) FROM scim_users")).isEqualTo(Integer.toString(USERS));
    assertThat(gateway.sql("SELECT count(*) FROM invitations")).isEqualTo(Integer.toString(USERS));
    assertThat(gateway.sql("SELECT count(*) FROM personnel WHERE status = 'invited'"))
        .isEqualTo(Integer.toString(USERS));
    Map<String, Set<String>> messageIds = new HashMap<>();
    received.forEach(r -> messageIds.computeIfAbsent(r.to(), to -> new HashSet<>()).add(r.messageId()));
    assertThat(messageIds).as("every person mailed").hasSize(USERS);
    assertThat(messageIds.values()).as("one message per person").allMatch(ids -> ids.size() == 1);
    int duplicates = received.size() - USERS;
    System.out.println("two-node crash test: " + received.size() + " mails received for " + USERS
        + " invitations (" + duplicates + " resent after the kill, same Message-ID)");
    assertThat(duplicates).as("only mails in flight on the killed node may be resent")
        .isLessThanOrEqualTo(io.scimgate.invites.delivery.DeliveryWorker.OTHERS_IN_FLIGHT);
  }
}
