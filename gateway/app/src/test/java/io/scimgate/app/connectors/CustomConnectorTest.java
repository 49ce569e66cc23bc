package io.scimgate.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A "Custom SCIM" connection with an admin-set group prefix and attribute mapping (a custom extension's
 * {@code dept} to the enterprise {@code department}), and the vendor prefixes of the bundled connectors.
 */
class CustomConnectorTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String ACME = "urn:acme:params:scim:schemas:extension:hr:2.0:User";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  private static String tenant() {
    return admin.post("/admin/v1/tenants", "{\"name\":\"Acme " + UUID.randomUUID() + "\",\"scimEnabled\":true}")
        .json().get("id").asText();
  }

  @Test
  void customPrefixAndAttributeMappingApplyToPostPutAndPatch() {
    String tenant = tenant();
    Reply connection = admin.post("/admin/v1/tenants/" + tenant + "/connections", """
        {"vendor":"custom","name":"Acme HR","groupPrefix":"Acme HR - ",
         "attributeMappings":{"%s:dept":"%s:department"}}""".formatted(ACME, ENTERPRISE));
    assertThat(connection.status()).as(connection.toString()).isEqualTo(201);
    assertThat(connection.json().get("groupPrefix").asText()).isEqualTo("Acme HR - ");
    assertThat(connection.json().at("/attributeMappings/" + ACME.replace("/", "~1") + ":dept").asText())
        .isEqualTo(ENTERPRISE + ":department");
    Http scim = new Http(connection.json().get("scimBaseUrl").asText(), connection.json().get("token").asText());

    Reply created = scim.post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"hr-%s",
         "active":"true","%s":{"dept":"Payroll"}}""".formatted(ACME, UUID.randomUUID(), ACME));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(scim.get("/Users/" + id).json().get(ENTERPRISE).get("department").asText()).isEqualTo("Payroll");

    Reply patched = scim.patchOps("/Users/" + id,
        "{\"op\":\"replace\",\"path\":\"" + ACME + ":dept\",\"value\":\"Treasury\"}");
    assertThat(patched.status()).as(patched.toString()).isIn(200, 204);
    assertThat(scim.get("/Users/" + id).json().get(ENTERPRISE).get("department").asText()).isEqualTo("Treasury");

    String group = scim.post("/Groups", "{\"displayName\":\"Contractors\",\"members\":[]}").json().get("id").asText();
    JsonNode groups = admin.get("/admin/v1/tenants/" + tenant + "/groups").json();
    assertThat(groups.toString()).contains("Acme HR - Contractors");
    assertThat(scim.get("/Groups/" + group).json().get("displayName").asText()).as("the IdP's own name")
        .isEqualTo("Contractors");
  }

  @Test
  void changingTheMappingsTakesEffectOnTheNextRequest() {
    String tenant = tenant();
    JsonNode connection = admin.post("/admin/v1/tenants/" + tenant + "/connections",
        "{\"vendor\":\"custom\",\"name\":\"Script\"}").json();
    String path = "/admin/v1/tenants/" + tenant + "/connections/" + connection.get("id").asText();
    Reply updated = admin.patch(path, "{\"attributeMappings\":{\"nickName\":\"title\"}}");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("groupPrefix").asText()).isEqualTo("Custom SCIM - ");
    Http scim = new Http(connection.get("scimBaseUrl").asText(), connection.get("token").asText());
    String id = scim.post("/Users", "{\"userName\":\"m-" + UUID.randomUUID() + "\",\"nickName\":\"Boss\"}")
        .json().get("id").asText();
    JsonNode user = scim.get("/Users/" + id).json();
    assertThat(user.get("title").asText()).isEqualTo("Boss");
    assertThat(user.has("nickName")).isFalse();
    Reply bad = admin.patch(path, "{\"attributeMappings\":{\"nickName\":42}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asText()).contains("attributeMappings");
  }

  @Test
  void eachBundledVendorPrefixesItsGroups() {
    String tenant = tenant();
    for (String[] vendor : new String[][] {{"okta", "Okta SCIM - "}, {"azure-ad", "Azure AD SCIM - "},
        {"onelogin", "OneLogin SCIM - "}, {"custom", "Custom SCIM - "}}) {
      JsonNode connection = admin.post("/admin/v1/tenants/" + tenant + "/connections",
          "{\"vendor\":\"" + vendor[0] + "\",\"name\":\"" + vendor[0] + "\"}").json();
      assertThat(connection.get("groupPrefix").asText()).isEqualTo(vendor[1]);
      Http scim = new Http(connection.get("scimBaseUrl").asText(), connection.get("token").asText());
      assertThat(scim.post("/Groups", "{\"displayName\":\"Team " + vendor[0] + "\"}").status()).isEqualTo(201);
    }
    String names = admin.get("/admin/v1/tenants/" + tenant + "/groups").json().toString();
    assertThat(names).contains("Okta SCIM - Team okta", "Azure AD SCIM - Team azure-ad",
        "OneLogin SCIM - Team onelogin", "Custom SCIM - Team custom");
  }
}
