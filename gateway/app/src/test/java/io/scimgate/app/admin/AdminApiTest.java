package io.scimgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API: tenants, connections, audit log. */
class AdminApiTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void requiresAnAdminToken() {
    assertError(gateway.anonymous().get("/admin/v1/tenants"), 401);
    assertError(admin.withToken("forged").get("/admin/v1/tenants"), 401);
    ScimClient client = gateway.newConnection("okta");
    assertError(admin.withToken(client.token()).get("/admin/v1/tenants"), 401);
  }

  @Test
  void tenantsCanBeCreatedListedReadAndToggled() {
    Reply created = admin.post("/admin/v1/tenants", "{\"name\":\"Initech\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode tenant = created.json();
    String id = tenant.get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/admin/v1/tenants/" + id);
    assertThat(tenant.get("scimEnabled").asBoolean()).isFalse();
    assertThat(admin.get("/admin/v1/tenants/" + id).json().get("name").asText()).isEqualTo("Initech");
    assertThat(admin.put("/admin/v1/tenants/" + id + "/scim", "{\"enabled\":true}").json()
        .get("scimEnabled").asBoolean()).isTrue();
    List<String> ids = new ArrayList<>();
    admin.get("/admin/v1/tenants?limit=1000").json().get("items").forEach(t -> ids.add(t.get("id").asText()));
    assertThat(ids).contains(id);
  }

  @Test
  void tenantsAreFoundByAnyPartOfTheirNameIgnoringCaseAndWildcards() {
    String wanted = admin.post("/admin/v1/tenants", "{\"name\":\"Wayne 100%_Enterprises\"}").json().get("id").asText();
    admin.post("/admin/v1/tenants", "{\"name\":\"Wayne Foundation\"}");
    JsonNode found = admin.get("/admin/v1/tenants?q=" + Http.encode("100%_enter")).json();
    assertThat(found.get("total").asLong()).isEqualTo(1);
    assertThat(found.get("items").get(0).get("id").asText()).isEqualTo(wanted);
    assertThat(admin.get("/admin/v1/tenants?q=" + Http.encode("wayne%")).json().get("total").asLong())
        .as("% is a character, not a wildcard").isZero();
    assertThat(admin.get("/admin/v1/tenants?q=WAYNE").json().get("total").asLong()).isEqualTo(2);
  }

  @Test
  void badAdminInputIsAClear400Or404() {
    assertError(admin.post("/admin/v1/tenants", "{}"), 400);
    assertError(admin.post("/admin/v1/tenants", "{\"name\":"), 400);
    assertError(admin.get("/admin/v1/tenants/00000000-0000-0000-0000-000000000000"), 404);
    assertError(admin.get("/admin/v1/tenants/nope"), 404);
    String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Hooli\"}").json().get("id").asText();
    assertError(admin.post("/admin/v1/tenants/" + tenant + "/connections", "{\"vendor\":\"pingone\",\"name\":\"x\"}"),
        400);
    assertError(admin.post("/admin/v1/tenants/" + tenant + "/connections", "{\"vendor\":\"okta\"}"), 400);
    assertError(admin.put("/admin/v1/tenants/" + tenant + "/scim", "{\"enabled\":\"yes\"}"), 400);
  }

  @Test
  void connectionsShowTheirBaseUrlAndTokenOnceOnly() {
    String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Globex\",\"scimEnabled\":true}").json()
        .get("id").asText();
    Reply created = admin.post("/admin/v1/tenants/" + tenant + "/connections",
        "{\"vendor\":\"azure-ad\",\"name\":\"Entra prod\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode connection = created.json();
    String id = connection.get("id").asText();
    assertThat(connection.get("scimBaseUrl").asText()).isEqualTo(gateway.url() + "/scim/v2/" + id);
    assertThat(connection.get("token").asText()).isNotBlank();
    assertThat(connection.get("vendor").asText()).isEqualTo("azure-ad");
    assertThat(connection.get("groupPrefix").asText()).isEqualTo("Azure AD SCIM - ");
    assertThat(connection.get("status").asText()).isEqualTo("enabled");

    JsonNode read = admin.get("/admin/v1/tenants/" + tenant + "/connections/" + id).json();
    assertThat(read.has("token")).isFalse();
    JsonNode list = admin.get("/admin/v1/tenants/" + tenant + "/connections").json();
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.get("items").get(0).has("token")).isFalse();
    assertError(admin.get("/admin/v1/tenants/" + tenant + "/connections/00000000-0000-0000-0000-000000000000"), 404);
  }

  @Test
  void auditLogIsNewestFirstAndPaged() {
    ScimClient client = gateway.newConnection("okta");
    for (int i = 0; i < 5; i++) {
      client.scim().post("/Users", Fixtures.oktaUser("audit" + i + "@okta.local"));
    }
    String path = "/admin/v1/tenants/" + client.tenantId() + "/audit";
    JsonNode first = admin.get(path + "?limit=3").json();
    assertThat(first.get("items")).hasSize(3);
    long before = first.get("nextBefore").asLong();
    JsonNode second = admin.get(path + "?limit=3&before=" + before).json();
    List<Long> ids = new ArrayList<>();
    first.get("items").forEach(row -> ids.add(row.get("id").asLong()));
    second.get("items").forEach(row -> ids.add(row.get("id").asLong()));
    assertThat(ids).isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();
    // 5 user creates + the connection creation, newest first
    assertThat(ids).hasSize(6);
    assertThat(second.get("items").get(2).get("action").asText()).isEqualTo("connection_create");
    assertThat(first.get("items").get(0).get("action").asText()).isEqualTo("create");
  }

  private static void assertError(Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.json().get("detail").asText()).isNotBlank();
    assertThat(reply.header("Content-Type")).startsWith("application/json");
  }
}
