package io.scimgate.app.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.WebhookReceiver;
import io.scimgate.app.support.Webhooks;
import io.scimgate.app.support.WebhookReceiver.Call;
import io.scimgate.invites.delivery.WebhookSignature;
import io.scimgate.scim.json.ScimJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhooks to a real HTTP receiver: signed events, retries with backoff, dead letter, replay. */
class WebhookDeliveryTest {
  private static final String SECRET = Webhooks.SECRET;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      "SCIMGATE_DELIVERY_BACKOFF_BASE_MS", "20", "SCIMGATE_DELIVERY_MAX_ATTEMPTS", "3",
      "SCIMGATE_INVITES_POLL_MS", "100", "SCIMGATE_WEBHOOK_ALLOW_HTTP", "true",
      "SCIMGATE_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"));
  private static WebhookReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = WebhookReceiver.start();
  }

  @AfterAll
  static void stop() throws Exception {
    receiver.close();
  }

  private static ScimClient tenantWithWebhook() {
    return Webhooks.tenantHookedTo(gateway.node(), receiver.url());
  }

  @Test
  void eventsArriveSignedWithStableIds() throws Exception {
    receiver.answer(200);
    ScimClient okta = tenantWithWebhook();
    String user = okta.scim().post("/Users", Fixtures.oktaUser("hook-" + UUID.randomUUID() + "@example.com"))
        .json().get("id").asText();
    String group = okta.scim().post("/Groups", Fixtures.group("Hooked", user)).json().get("id").asText();
    okta.scim().patchOps("/Users/" + user, "{\"op\":\"replace\",\"value\":{\"active\":false}}");

    Call created = await(call -> body(call).path("type").asText().equals("user.created")
        && body(call).at("/data/id").asText().equals(user));
    assertThat(WebhookSignature.verify(SECRET, created.headers().get("signature"),
        Long.parseLong(created.headers().get("timestamp")), created.body(), Instant.now(), Duration.ofMinutes(5)))
        .as("signature verifies").isTrue();
    assertThat(WebhookSignature.verify("another secret", created.headers().get("signature"),
        Long.parseLong(created.headers().get("timestamp")), created.body(), Instant.now(), Duration.ofMinutes(5)))
        .isFalse();
    assertThat(created.headers().get("event-id")).isEqualTo(body(created).get("id").asText()).startsWith("webhook:");
    assertThat(body(created).get("tenantId").asText()).isEqualTo(okta.tenantId());
    assertThat(created.headers().get("user-agent")).isEqualTo("scimgate-webhooks/1");

    Call added = await(call -> body(call).path("type").asText().equals("group.member_added")
        && body(call).at("/data/groupId").asText().equals(group));
    assertThat(body(added).at("/data/member/value").asText()).isEqualTo(user);
    await(call -> body(call).path("type").asText().equals("user.deactivated")
        && body(call).at("/data/id").asText().equals(user));
    await(call -> body(call).path("type").asText().equals("personnel.deprovisioned")
        && body(call).at("/data/userId").asText().equals(user));
  }

  @Test
  void failingEndpointIsRetriedThenDeadLetteredThenReplayed() throws Exception {
    receiver.answer(503);
    ScimClient okta = tenantWithWebhook();
    String user = okta.scim().post("/Users", Fixtures.oktaUser("retry-" + UUID.randomUUID() + "@example.com"))
        .json().get("id").asText();
    Predicate<Call> isCreated = call -> body(call).at("/data/id").asText().equals(user)
        && body(call).path("type").asText().equals("user.created");
    String id = awaitDead(okta.tenantId());
    assertThat(receiver.calls().stream().filter(isCreated).count()).as("three attempts").isEqualTo(3);
    assertThat(gateway.sql("SELECT last_error FROM deliveries WHERE id = $1", id)).contains("503");

    receiver.answer(200);
    JsonNode dead = gateway.admin().get("/admin/v1/tenants/" + okta.tenantId() + "/deliveries?status=dead").json();
    assertThat(dead.get("items").toString()).contains(id).contains("503");
    assertThat(gateway.admin().post("/admin/v1/tenants/" + okta.tenantId() + "/deliveries/"
        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/replay", "{}").status())
        .isEqualTo(200);
    for (int i = 0; i < 100 && !"sent".equals(gateway.sql("SELECT status FROM deliveries WHERE id = $1", id)); i++) {
      Thread.sleep(50);
    }
    assertThat(gateway.sql("SELECT status FROM deliveries WHERE id = $1", id)).isEqualTo("sent");
    assertThat(receiver.calls().stream().filter(isCreated).count()).isEqualTo(4);
  }

  @Test
  void goneIsPermanent() throws Exception {
    receiver.answer(410);
    ScimClient okta = tenantWithWebhook();
    okta.scim().post("/Users", Fixtures.oktaUser("gone-" + UUID.randomUUID() + "@example.com"));
    String id = awaitDead(okta.tenantId());
    assertThat(gateway.sql("SELECT attempts FROM deliveries WHERE id = $1", id)).isEqualTo("1");
    receiver.answer(200);
  }

  private static String awaitDead(String tenantId) throws Exception {
    String id = null;
    for (int i = 0; i < 200 && id == null; i++) {
      Thread.sleep(50);
      id = gateway.sql("SELECT id FROM deliveries WHERE tenant_id = $1::uuid AND status = 'dead'"
          + " AND event_type = 'user.created'", tenantId);
    }
    assertThat(id).as("dead-lettered").isNotNull();
    return id;
  }

  private static Call await(Predicate<Call> wanted) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      List<Call> match = receiver.calls().stream().filter(wanted).toList();
      if (!match.isEmpty()) {
        return match.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no such webhook call; received: " + receiver.calls().stream().map(Call::text).toList());
  }

  private static JsonNode body(Call call) {
    return ScimJson.parse(call.text());
  }
}
