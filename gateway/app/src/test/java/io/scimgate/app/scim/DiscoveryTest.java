package io.scimgate.app.scim;

import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /ServiceProviderConfig, /ResourceTypes and /Schemas state honestly what works today. */
class DiscoveryTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("custom").scim();
  }

  @Test
  void serviceProviderConfigIsHonest() {
    JsonNode spc = scim.get("/ServiceProviderConfig").json();
    assertThat(spc.get("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    assertThat(spc.get("patch").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("bulk").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("bulk").get("maxOperations").asInt()).isEqualTo(1000);
    assertThat(spc.get("sort").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("etag").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("changePassword").get("supported").asBoolean()).isFalse();
    assertThat(spc.get("filter").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("filter").get("maxResults").asInt()).isEqualTo(1000);
    assertThat(spc.has("pagination")).as("RFC 9865's attribute, which UnboundID's SDK 4.x refuses").isFalse();
    assertThat(spc.get("authenticationSchemes").get(0).get("type").asText()).isEqualTo("oauthbearertoken");
  }

  @Test
  void paginationIsAdvertisedOnlyWhereTheConnectionAsksForIt() {
    ScimClient client = gateway.newConnection("custom");
    Http admin = gateway.admin();
    String path = "/admin/v1/tenants/" + client.tenantId() + "/connections/" + client.connectionId();
    assertThat(admin.get(path).json().get("advertisePagination").asBoolean()).isFalse();

    Reply on = admin.patch(path, "{\"advertisePagination\":true}");
    assertThat(on.status()).as(on.toString()).isEqualTo(200);
    assertThat(on.json().get("advertisePagination").asBoolean()).isTrue();
    JsonNode pagination = client.scim().get("/ServiceProviderConfig").json().get("pagination");
    assertThat(pagination.get("cursor").asBoolean()).isTrue();
    assertThat(pagination.get("index").asBoolean()).isTrue();
    assertThat(pagination.get("maxPageSize").asInt()).isEqualTo(1000);
    assertThat(scim.get("/ServiceProviderConfig").json().has("pagination")).as("another connection").isFalse();

    assertThat(admin.patch(path, "{\"name\":\"renamed\"}").json().get("advertisePagination").asBoolean())
        .as("kept by a change of another setting").isTrue();
    assertThat(assertAdminError(admin.patch(path, "{\"advertisePagination\":\"yes\"}"), 400, "invalidValue"))
        .contains("advertisePagination");
    assertThat(admin.patch(path, "{\"advertisePagination\":false}").json().get("advertisePagination").asBoolean())
        .isFalse();
    assertThat(client.scim().get("/ServiceProviderConfig").json().has("pagination")).isFalse();
  }

  @Test
  void resourceTypesAndSchemas() {
    JsonNode types = scim.get("/ResourceTypes").json();
    assertThat(types.get("totalResults").asInt()).isEqualTo(2);
    JsonNode user = scim.get("/ResourceTypes/User").json();
    assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
    assertThat(user.get("schemaExtensions").get(0).get("schema").asText())
        .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");

    JsonNode schemas = scim.get("/Schemas").json();
    List<String> ids = new ArrayList<>();
    schemas.get("Resources").forEach(schema -> ids.add(schema.get("id").asText()));
    assertThat(ids).containsExactly("urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group");
    JsonNode userSchema = scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
    JsonNode userName = userSchema.get("attributes").get(0);
    assertThat(userName.get("name").asText()).isEqualTo("userName");
    assertThat(userName.get("required").asBoolean()).isTrue();
    assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
    assertScimError(scim.get("/Schemas/urn:nope"), 404, null);
    assertScimError(scim.get("/ResourceTypes/Device"), 404, null);
  }
}
