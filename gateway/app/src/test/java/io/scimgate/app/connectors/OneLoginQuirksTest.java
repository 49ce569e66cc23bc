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

/** OneLogin's template-driven payloads (docs/idp-behaviour.md N1-N4) over HTTP through a onelogin connection. */
class OneLoginQuirksTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("onelogin").scim();
  }

  @Test
  void n1N3Scim11UrnsEmptyStringsAndUnexpandedPlaceholders() {
    Reply created = scim.post("/Users", """
        {"schemas":["urn:scim:schemas:core:1.0","urn:scim:schemas:extension:enterprise:1.0"],
         "userName":"jdoe-%s@example.com","externalId":"","title":"{$user.title}",
         "name":{"givenName":"Jane","familyName":"","middleName":"{$user.middlename}"},
         "emails":[{"value":"jdoe@example.com","type":"work","primary":"true"},{"value":"","type":"home"}],
         "urn:scim:schemas:extension:enterprise:1.0":{"department":"Finance","employeeNumber":"",
           "manager":{"value":"{$parameters.external_manager_id}"}},
         "active":true}""".formatted(UUID.randomUUID()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode user = scim.get("/Users/" + created.json().get("id").asText()).json();
    assertThat(user.get("schemas").toString()).contains("urn:ietf:params:scim:schemas:core:2.0:User")
        .doesNotContain("urn:scim:schemas:core:1.0");
    assertThat(user.has("externalId")).isFalse();
    assertThat(user.has("title")).isFalse();
    assertThat(user.at("/name/givenName").asText()).isEqualTo("Jane");
    assertThat(user.at("/name").has("familyName")).isFalse();
    assertThat(user.get("emails")).hasSize(1);
    assertThat(user.at("/emails/0/primary").asBoolean()).isTrue();
    assertThat(user.get(ENTERPRISE).get("department").asText()).isEqualTo("Finance");
    assertThat(user.get(ENTERPRISE).has("employeeNumber")).isFalse();
    assertThat(user.get(ENTERPRISE).has("manager")).isFalse();
  }

  @Test
  void n4CallSetProbeCreateUpdateGroupsAndPatchWithEmptyValue() {
    JsonNode probe = scim.get("/Users?filter=userName%20eq%20%22nonexistent-" + UUID.randomUUID() + "%22").json();
    assertThat(probe.get("totalResults").asInt()).isZero();
    String id = scim.post("/Users", "{\"schemas\":[\"urn:scim:schemas:core:1.0\"],\"userName\":\"n4-"
        + UUID.randomUUID() + "\",\"title\":\"Analyst\"}").json().get("id").asText();
    Reply cleared = scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"\"}",
        "{\"op\":\"replace\",\"path\":\"urn:scim:schemas:extension:enterprise:1.0:department\",\"value\":\"Ops\"}");
    assertThat(cleared.status()).as(cleared.toString()).isIn(200, 204);
    JsonNode user = scim.get("/Users/" + id).json();
    assertThat(user.has("title")).as("an empty string unsets").isFalse();
    assertThat(user.get(ENTERPRISE).get("department").asText()).isEqualTo("Ops");
    Reply group = scim.post("/Groups", "{\"schemas\":[\"urn:scim:schemas:core:1.0\"],\"displayName\":\"OL "
        + UUID.randomUUID() + "\",\"members\":[{\"value\":\"" + id + "\"}]}");
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
    assertThat(scim.get("/Groups/" + group.json().get("id").asText()).json().get("members")).hasSize(1);
    assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
  }

  @Test
  void aUserNameLeftBlankByTheTemplateIsAClearError() {
    Reply reply = scim.post("/Users", "{\"schemas\":[\"urn:scim:schemas:core:1.0\"],\"userName\":\"\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("scimType").asText()).isEqualTo("invalidValue");
    assertThat(reply.json().get("detail").asText()).contains("userName");
  }
}
