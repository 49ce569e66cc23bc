package io.scimgate.app.admin;

import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Group prefixes follow the connection: changing a connection's {@code groupPrefix} through the admin API renames
 * the product-side names of all its groups at once (what the admin API groups list and the "Automatic group
 * invites" selector show), writes a {@code group.renamed} event per group, keeps the auto-invite selection, and
 * leaves the IdP's side (SCIM {@code displayName}, version) as it was.
 */
class GroupPrefixRenameTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void aNewPrefixRenamesEveryGroupOfTheConnection() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    String user = okta.scim().post("/Users", Fixtures.oktaUser("ann-" + UUID.randomUUID() + "@example.com")).json()
        .get("id").asText();
    String engineering = okta.scim().post("/Groups", Fixtures.group("Engineering", user)).json().get("id").asText();
    String sales = okta.scim().post("/Groups", Fixtures.group("Sales")).json().get("id").asText();
    String etag = okta.scim().get("/Groups/" + engineering).header("ETag");
    String autoInvites = "/admin/v1/tenants/" + okta.tenantId() + "/auto-invites";
    admin.put(autoInvites, "{\"enabled\":true,\"groupIds\":[\"" + engineering + "\"]}");

    Reply changed = admin.patch(connectionPath(okta), "{\"groupPrefix\":\"Acme IT - \"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("groupPrefix").asText()).isEqualTo("Acme IT - ");

    assertThat(productNames(okta)).containsExactly("Acme IT - Engineering", "Acme IT - Sales");
    JsonNode selection = admin.get(autoInvites).json();
    assertThat(selection.get("enabled").asBoolean()).isTrue();
    assertThat(selection.get("groups")).hasSize(1);
    assertThat(selection.at("/groups/0/id").asText()).isEqualTo(engineering);
    assertThat(selection.at("/groups/0/name").asText()).isEqualTo("Acme IT - Engineering");

    Reply scimGroup = okta.scim().get("/Groups/" + engineering);
    assertThat(scimGroup.json().get("displayName").asText()).as("the IdP's own name").isEqualTo("Engineering");
    assertThat(scimGroup.header("ETag")).as("nothing changed for the IdP").isEqualTo(etag);
    assertThat(okta.scim().get("/Groups?filter=" + Http.encode("displayName eq \"Sales\"")).json()
        .get("totalResults").asInt()).isEqualTo(1);

    assertThat(renamed(engineering)).isEqualTo("1");
    assertThat(renamed(sales)).isEqualTo("1");
    assertThat(gateway.sql("SELECT data->>'oldProductName' || ' -> ' || (data->>'productName') FROM outbox_events"
        + " WHERE resource_id = $1 AND type = 'group.renamed'", UUID.fromString(engineering)))
        .isEqualTo("Okta SCIM - Engineering -> Acme IT - Engineering");

    String later = okta.scim().post("/Groups", Fixtures.group("Later")).json().get("id").asText();
    okta.scim().patchOps("/Groups/" + sales, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Revenue\"}");
    assertThat(productNames(okta)).containsExactly("Acme IT - Engineering", "Acme IT - Revenue", "Acme IT - Later");
    assertThat(renamed(later)).isEqualTo("0");
  }

  @Test
  void otherConnectionsAndRefusedChangesKeepTheirNames() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    String group = okta.scim().post("/Groups", Fixtures.group("Finance")).json().get("id").asText();
    JsonNode custom = admin.post("/admin/v1/tenants/" + okta.tenantId() + "/connections",
        "{\"vendor\":\"custom\",\"name\":\"HR\"}").json();
    Http hr = new Http(custom.get("scimBaseUrl").asText(), custom.get("token").asText());
    hr.post("/Groups", Fixtures.group("Finance"));

    assertAdminError(admin.patch(connectionPath(okta), "{\"groupPrefix\":\"  \"}"), 400, "invalidValue");
    assertThat(productNames(okta)).containsExactly("Okta SCIM - Finance", "Custom SCIM - Finance");
    admin.patch(connectionPath(okta), "{\"name\":\"Okta again\",\"groupPrefix\":\"Okta SCIM - \"}");
    assertThat(renamed(group)).as("the same prefix renames nothing").isEqualTo("0");

    admin.patch(connectionPath(okta), "{\"groupPrefix\":\"Okta - \"}");
    assertThat(productNames(okta)).containsExactly("Okta - Finance", "Custom SCIM - Finance");
  }

  private static String connectionPath(ScimClient client) {
    return "/admin/v1/tenants/" + client.tenantId() + "/connections/" + client.connectionId();
  }

  /** The admin API's groups list of the client's tenant, oldest first. */
  private static List<String> productNames(ScimClient client) {
    List<String> names = new ArrayList<>();
    admin.get("/admin/v1/tenants/" + client.tenantId() + "/groups").json().get("items")
        .forEach(group -> names.add(group.get("name").asText()));
    return names;
  }

  private static String renamed(String groupId) throws Exception {
    return gateway.sql("SELECT count(*) FROM outbox_events WHERE resource_id = $1 AND type = 'group.renamed'",
        UUID.fromString(groupId));
  }
}
