package io.scimgate.app.admin;

import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /admin/v1/tenants/{id}/deliveries}: newest first, the dead letter, and replaying a dead delivery.
 * The channels that write deliveries are not part of this branch, so the rows are inserted directly.
 */
class DeliveryAdminTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-03-01T09:00:00Z");

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void listsNewestFirstAndFiltersByStatus() throws Exception {
    String tenant = newTenant();
    String dead = "invite:" + UUID.randomUUID() + ":1";
    String sent = "webhook:" + UUID.randomUUID() + ":personnel.invited";
    String pending = "invite:" + UUID.randomUUID() + ":2";
    insert(tenant, dead, "dead", 0);
    insert(tenant, sent, "sent", 1);
    insert(tenant, pending, "pending", 2);
    insert(newTenant(), "invite:" + UUID.randomUUID() + ":1", "dead", 3);

    JsonNode all = list(tenant, "");
    assertThat(all.get("total").asLong()).isEqualTo(3);
    assertThat(ids(all)).containsExactly(pending, sent, dead);
    JsonNode deadOnly = list(tenant, "?status=dead");
    assertThat(deadOnly.get("total").asLong()).isEqualTo(1);
    JsonNode row = deadOnly.get("items").get(0);
    List<String> fields = new ArrayList<>();
    row.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "channel", "eventType", "recipient", "status", "attempts", "lastError",
        "createdAt", "nextAttemptAt", "sentAt");
    assertThat(row.get("id").asText()).isEqualTo(dead);
    assertThat(row.get("channel").asText()).isEqualTo("smtp");
    assertThat(row.get("eventType").asText()).isEqualTo("personnel.invited");
    assertThat(row.get("recipient").asText()).isEqualTo("ann@example.com");
    assertThat(row.get("attempts").asInt()).isEqualTo(8);
    assertThat(row.get("lastError").asText()).isEqualTo("550 mailbox unavailable");
    assertThat(row.get("createdAt").asText()).isEqualTo("2024-03-01T09:00:00Z");
    assertThat(row.get("sentAt").isNull()).isTrue();
    assertThat(list(tenant, "?status=sent").get("items").get(0).get("sentAt").asText()).isNotBlank();
    JsonNode page = list(tenant, "?offset=1&limit=1");
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(ids(page)).containsExactly(sent);
  }

  @Test
  void badQueriesAre400AndUnknownTenants404() {
    String tenant = newTenant();
    assertThat(assertAdminError(admin.get(path(tenant) + "?status=failed"), 400, "invalidValue"))
        .contains("pending", "sending", "sent", "dead");
    assertAdminError(admin.get(path(tenant) + "?limit=1001"), 400, "invalidValue");
    assertAdminError(admin.get(path(tenant) + "?offset=x"), 400, "invalidValue");
    assertAdminError(admin.get(path(UUID.randomUUID().toString())), 404, "Not Found");
  }

  @Test
  void replayingADeadDeliveryQueuesItAgainUnderItsOwnId() throws Exception {
    String tenant = newTenant();
    String dead = "invite:" + UUID.randomUUID() + ":1";
    insert(tenant, dead, "dead", 0);
    Instant before = Instant.now().minusSeconds(5);

    // the id percent-encoded, as a careful client sends it
    Reply replayed = admin.post(path(tenant) + "/" + URLEncoder.encode(dead, StandardCharsets.UTF_8) + "/replay",
        null);
    assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
    JsonNode delivery = replayed.json();
    assertThat(delivery.get("id").asText()).isEqualTo(dead);
    assertThat(delivery.get("status").asText()).isEqualTo("pending");
    assertThat(delivery.get("attempts").asInt()).isZero();
    assertThat(delivery.get("lastError").isNull()).isTrue();
    assertThat(Instant.parse(delivery.get("nextAttemptAt").asText())).isAfter(before);
    assertThat(gateway.sql("SELECT lease_until IS NULL AND status = 'pending' FROM deliveries WHERE id = $1", dead))
        .isEqualTo("true");
    assertThat(gateway.sql("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'delivery_replay'"
        + " AND resource_id = $2", UUID.fromString(tenant), dead)).isEqualTo("1");

    assertThat(assertAdminError(admin.post(path(tenant) + "/" + dead + "/replay", null), 409, "Conflict"))
        .contains("pending");
  }

  @Test
  void onlyDeadDeliveriesOfTheTenantCanBeReplayed() throws Exception {
    String tenant = newTenant();
    String sent = "webhook:" + UUID.randomUUID() + ":personnel.invited";
    String theirs = "invite:" + UUID.randomUUID() + ":1";
    String slashed = "webhook:a/b:1";
    insert(tenant, sent, "sent", 0);
    insert(tenant, slashed, "dead", 1);
    insert(newTenant(), theirs, "dead", 0);

    assertThat(assertAdminError(admin.post(path(tenant) + "/" + sent + "/replay", null), 409, "Conflict"))
        .contains("sent");
    assertAdminError(admin.post(path(tenant) + "/" + theirs + "/replay", null), 404, "Not Found");
    assertThat(gateway.sql("SELECT status FROM deliveries WHERE id = $1", theirs)).isEqualTo("dead");
    assertAdminError(admin.post(path(tenant) + "/nope/replay", null), 404, "Not Found");
    assertAdminError(admin.post(path(UUID.randomUUID().toString()) + "/" + theirs + "/replay", null), 404,
        "Not Found");
    Reply replayed = admin.post(path(tenant) + "/webhook:a%2Fb:1/replay", null);
    assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
    assertThat(replayed.json().get("id").asText()).isEqualTo(slashed);
  }

  private static String newTenant() {
    return admin.post("/admin/v1/tenants", "{\"name\":\"Deliveries\"}").json().get("id").asText();
  }

  private static String path(String tenant) {
    return "/admin/v1/tenants/" + tenant + "/deliveries";
  }

  private static JsonNode list(String tenant, String query) {
    Reply reply = admin.get(path(tenant) + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** A delivery as a channel leaves it; {@code hour} orders creation (T0 plus that many hours). */
  private static void insert(String tenant, String id, String status, int hour) throws Exception {
    OffsetDateTime at = T0.plusHours(hour);
    gateway.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, attempts,"
            + " next_attempt_at, lease_until, last_error, occurred_at, created_at, sent_at)"
            + " VALUES ($1, $2, 'smtp', 'personnel.invited', '{}'::jsonb, 'ann@example.com', $3,"
            + " CASE WHEN $3 = 'dead' THEN 8 ELSE 1 END, $4, CASE WHEN $3 = 'dead' THEN $4 END,"
            + " CASE WHEN $3 = 'dead' THEN '550 mailbox unavailable' END, $4, $4,"
            + " CASE WHEN $3 = 'sent' THEN $4 END)",
        id, UUID.fromString(tenant), status, at);
  }
}
