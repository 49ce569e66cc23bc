package io.scimgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.AdminAssertions;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SCIM request log and each connection's activity, as the portal's SCIM Settings and Connection detail
 * screens read them. Entries are written asynchronously (every 250 ms), so reads poll for a few seconds.
 */
class RequestLogTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void aNewConnectionWaitsThenReceivesAndCountsWhatItGot() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    JsonNode waiting = activity(client);
    assertThat(waiting.get("state").asText()).isEqualTo("waiting");
    assertThat(waiting.get("users").asLong()).isZero();
    assertThat(waiting.get("groups").asLong()).isZero();
    assertThat(waiting.get("failuresLast24h").asLong()).isZero();
    assertThat(waiting.get("firstRequestAt").isNull()).isTrue();

    assertThat(client.scim().get("/Users").status()).isEqualTo(200);
    JsonNode receiving = eventually(() -> activity(client), a -> a.get("state").asText().equals("receiving"));
    assertThat(receiving.get("firstRequestAt").asText()).isNotBlank();
    assertThat(receiving.get("lastRequestAt").asText()).isNotBlank();

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Reply created = client.scim().post("/Users", Fixtures.oktaUser("counted" + i + "@example.com"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      ids.add(created.json().get("id").asText());
    }
    assertThat(client.scim().post("/Groups", Fixtures.group("Contractors", ids.toArray(String[]::new))).status())
        .isEqualTo(201);
    JsonNode counted = activity(client);
    assertThat(counted.get("users").asLong()).isEqualTo(3);
    assertThat(counted.get("groups").asLong()).isEqualTo(1);
    JsonNode listed = admin.get(tenantPath(client) + "/connections").json().get("items").get(0).get("activity");
    assertThat(listed.get("state").asText()).isEqualTo("receiving");
    assertThat(listed.get("users").asLong()).isEqualTo(3);
    assertThat(listed.get("groups").asLong()).isEqualTo(1);
  }

  @Test
  void aRejectedCreateIsLoggedWithTheErrorTheIdpGotAndNothingOfItsBodyOrToken() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String marker = "body-marker-" + UUID.randomUUID();
    Reply rejected = client.scim().post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"displayName":"%s","password":"%s"}"""
        .formatted(marker, marker));
    assertThat(rejected.status()).isEqualTo(400);
    JsonNode error = rejected.json();

    JsonNode row = eventually(() -> requests(client, ""), page -> page.get("items").size() == 1)
        .get("items").get(0);
    assertThat(row.get("method").asText()).isEqualTo("POST");
    assertThat(row.get("path").asText()).isEqualTo("/Users");
    assertThat(row.get("status").asInt()).isEqualTo(400);
    assertThat(row.get("scimType").asText()).isEqualTo(error.get("scimType").asText());
    assertThat(row.get("detail").asText()).isEqualTo(error.get("detail").asText());
    assertThat(row.get("requestId").asText()).isEqualTo(rejected.header("X-Request-Id"));
    assertThat(row.get("at").asText()).isNotBlank();
    assertThat(activity(client).get("failuresLast24h").asLong()).isEqualTo(1);

    String stored = gateway.sql("SELECT string_agg(concat_ws('|', method, path, scim_type, detail, request_id), '|')"
        + " FROM scim_request_log WHERE connection_id = $1", UUID.fromString(client.connectionId()));
    assertThat(stored).doesNotContain(marker).doesNotContain(client.token().substring(20, 60));
  }

  @Test
  void aWrongTokenOnAKnownConnectionIsLoggedButDoesNotMakeItReceiving() throws Exception {
    ScimClient client = gateway.newConnection("azure-ad");
    Reply refused = client.scim().withToken("not-the-token").get("/Users");
    assertThat(refused.status()).isEqualTo(401);

    JsonNode row = eventually(() -> requests(client, ""), page -> page.get("items").size() == 1)
        .get("items").get(0);
    assertThat(row.get("status").asInt()).isEqualTo(401);
    assertThat(row.get("detail").asText()).isEqualTo(refused.json().get("detail").asText());
    JsonNode activity = activity(client);
    assertThat(activity.get("state").asText()).isEqualTo("waiting");
    assertThat(activity.get("failuresLast24h").asLong()).isEqualTo(1);
  }

  @Test
  void madeUpConnectionIdsLeaveNoTrace() throws Exception {
    UUID madeUp = UUID.randomUUID();
    Http stranger = new Http(gateway.url() + "/scim/v2/" + madeUp, "not-a-token");
    assertThat(stranger.get("/Users").status()).isEqualTo(401);
    assertThat(new Http(gateway.url() + "/scim/v2/not-an-id", "x").get("/Users").status()).isEqualTo(401);
    // a request of a known connection made after them: once it is written, theirs would be too
    ScimClient client = gateway.newConnection("onelogin");
    client.scim().get("/Groups");
    eventually(() -> requests(client, ""), page -> page.get("items").size() == 1);
    assertThat(gateway.sql("SELECT count(*) FROM scim_request_log WHERE connection_id = $1", madeUp))
        .isEqualTo("0");
    assertThat(gateway.sql("SELECT count(*) FROM scim_request_log l WHERE NOT EXISTS"
        + " (SELECT 1 FROM connections c WHERE c.id = l.connection_id)")).isEqualTo("0");
  }

  @Test
  void aDisabledConnectionSaysSo() throws Exception {
    ScimClient client = gateway.newConnection("custom");
    JsonNode disabled = admin.post(connectionPath(client) + "/disable", "{}").json();
    assertThat(disabled.get("activity").get("state").asText()).isEqualTo("disabled");
    assertThat(activity(client).get("state").asText()).isEqualTo("disabled");
    assertThat(client.scim().get("/Users").status()).isEqualTo(401);
    JsonNode row = eventually(() -> requests(client, ""), page -> page.get("items").size() == 1)
        .get("items").get(0);
    assertThat(row.get("detail").asText()).contains("disabled");
    assertThat(admin.post(connectionPath(client) + "/enable", "{}").json().get("activity").get("state").asText())
        .isEqualTo("waiting");
  }

  @Test
  void theLogPagesNewestFirstAndKeepsOnlyTheFilterOfAQuery() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    client.scim().get("/Users?filter=" + Http.encode("userName eq \"pat@example.com\"") + "&count=5&startIndex=1");
    client.scim().get("/Users?cursor=&count=2");
    client.scim().get("/Groups");
    client.scim().get("/Users/" + UUID.randomUUID());
    client.scim().get("/ServiceProviderConfig");
    eventually(() -> requests(client, ""), page -> page.get("items").size() == 5);

    JsonNode first = requests(client, "?limit=2");
    JsonNode second = requests(client, "?limit=2&before=" + first.get("nextBefore").asLong());
    JsonNode third = requests(client, "?limit=2&before=" + second.get("nextBefore").asLong());
    assertThat(paths(first)).containsExactly("/ServiceProviderConfig", "/Users/{id}");
    assertThat(paths(second)).containsExactly("/Groups", "/Users?cursor&count");
    assertThat(paths(third)).containsExactly("/Users?filter=userName eq \"pat@example.com\"&count&startIndex");
    assertThat(third.get("nextBefore").isNull()).isTrue();
    assertThat(second.get("items").get(1).get("status").asInt()).isEqualTo(200);
    assertThat(first.get("items").get(1).get("status").asInt()).isEqualTo(404);
    assertThat(first.get("items").get(1).get("scimType").isNull()).isTrue();
    assertThat(first.get("items").get(0).get("id").asLong())
        .isGreaterThan(first.get("items").get(1).get("id").asLong());

    AdminAssertions.assertAdminError(admin.get(connectionPath(client) + "/requests?limit=501"), 400, "invalidValue");
    String otherTenant = gateway.newConnection("okta").tenantId();
    AdminAssertions.assertAdminError(admin.get("/admin/v1/tenants/" + otherTenant + "/connections/"
        + client.connectionId() + "/requests"), 404, "Not Found");
  }

  @Test
  void pruningDropsRowsPastTheRetentionAndBeyondTheRowsPerConnection() throws Exception {
    try (TestGateway small = TestGateway.start(Map.of(ConfigLoader.REQUEST_LOG_RETENTION_HOURS, "1",
        ConfigLoader.REQUEST_LOG_MAX_ROWS_PER_CONNECTION, "3", ConfigLoader.REQUEST_LOG_PRUNE_SECONDS, "1"))) {
      ScimClient client = small.newConnection("okta");
      UUID connection = UUID.fromString(client.connectionId());
      small.sql("INSERT INTO scim_request_log (tenant_id, connection_id, at, method, path, status)"
          + " VALUES ($1, $2, now() - interval '2 hours', 'GET', '/old', 200)", UUID.fromString(client.tenantId()),
          connection);
      for (int i = 0; i < 6; i++) {
        client.scim().get("/Users?count=" + i);
      }
      Supplier<String> rows = () -> sql(small, "SELECT count(*) FROM scim_request_log WHERE connection_id = $1",
          connection);
      assertThat(eventually(rows, "3"::equals)).isEqualTo("3");
      assertThat(sql(small, "SELECT count(*) FROM scim_request_log WHERE path = '/old'")).isEqualTo("0");
    }
  }

  private static JsonNode activity(ScimClient client) {
    Reply reply = admin.get(connectionPath(client));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("activity");
  }

  private static JsonNode requests(ScimClient client, String query) {
    Reply reply = admin.get(connectionPath(client) + "/requests" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** The paths of a page, with resource ids replaced by {@code {id}}. */
  private static List<String> paths(JsonNode page) {
    List<String> paths = new ArrayList<>();
    page.get("items").forEach(item -> paths.add(item.get("path").asText()
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")));
    return paths;
  }

  private static String tenantPath(ScimClient client) {
    return "/admin/v1/tenants/" + client.tenantId();
  }

  private static String connectionPath(ScimClient client) {
    return tenantPath(client) + "/connections/" + client.connectionId();
  }

  private static String sql(TestGateway on, String query, Object... params) {
    try {
      return on.sql(query, params);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads until {@code done} holds (the log is written asynchronously), for at most five seconds. */
  private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    T value = read.get();
    for (int i = 0; i < 100 && !done.test(value); i++) {
      Thread.sleep(50);
      value = read.get();
    }
    assertThat(done.test(value)).as("condition met within 5 s, last value: %s", value).isTrue();
    return value;
  }
}
