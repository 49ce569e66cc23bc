package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What other clients' conformance suites expect where RFC 7644 leaves room (docs/conformance.md): Apache
 * SCIMple's {@code Location} on every single-resource answer, and the lowercase endpoints of Microsoft's SCIM
 * reference Postman collection.
 */
class InteropTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("custom").scim();
  }

  @Test
  void everyAnswerAboutOneUserCarriesItsLocation() {
    Reply created = scim.post("/Users", Fixtures.oktaUser("location-" + UUID.randomUUID() + "@example.com"));
    String location = created.json().at("/meta/location").asText();
    String path = location.substring(scim.baseUrl().length());
    assertThat(created.header("Location")).isEqualTo(location);

    assertLocation(scim.get(path), 200, location);
    assertLocation(scim.put(path, Fixtures.oktaUser(created.json().get("userName").asText())), 200, location);
    assertLocation(scim.patchOps(path, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Engineer\"}"), 200,
        location);
    Reply minimal = scim.send("PATCH", path, patchBody("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}"),
        "application/scim+json", Map.of("Prefer", "return=minimal"));
    assertThat(minimal.status()).isEqualTo(204);
    assertThat(minimal.header("Location")).isEqualTo(location);
    assertThat(minimal.header("Content-Location")).isEqualTo(location);
    Reply unchanged = scim.send("GET", path, null, null, Map.of("If-None-Match", minimal.header("ETag")));
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.header("Location")).isEqualTo(location);
  }

  @Test
  void everyAnswerAboutOneGroupCarriesItsLocation() {
    Reply created = scim.post("/Groups", Fixtures.group("Location " + UUID.randomUUID()));
    String location = created.json().at("/meta/location").asText();
    String path = location.substring(scim.baseUrl().length());
    assertThat(created.header("Location")).isEqualTo(location);

    assertLocation(scim.get(path), 200, location);
    assertLocation(scim.put(path, Fixtures.group("Renamed " + UUID.randomUUID())), 200, location);
    Reply patched = scim.patchOps(path, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Again\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
    assertThat(patched.header("Location")).isEqualTo(location);
    Reply represented = scim.send("PATCH", path,
        patchBody("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Shown\"}"), "application/scim+json",
        Map.of("Prefer", "return=representation"));
    assertLocation(represented, 200, location);
  }

  @Test
  void endpointNamesMatchInAnyCase() {
    String userName = "lower-" + UUID.randomUUID() + "@example.com";
    Reply created = scim.post("/users", Fixtures.oktaUser(userName));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).as("the canonical location").isEqualTo(scim.baseUrl() + "/Users/" + id);
    assertThat(scim.get("/users/" + id).json().get("userName").asText()).isEqualTo(userName);
    assertThat(scim.patchOps("/USERS/" + id, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}").status())
        .isEqualTo(200);
    JsonNode found = scim.get("/users?filter=" + Http.encode("userName eq \"" + userName + "\"")).json();
    assertThat(found.get("totalResults").asInt()).isEqualTo(1);
    assertThat(scim.post("/users/.SEARCH", "{\"filter\":\"userName eq \\\"" + userName + "\\\"\"}").json()
        .get("totalResults").asInt()).isEqualTo(1);
    assertThat(scim.post("/.Search", "{\"filter\":\"userName eq \\\"" + userName + "\\\"\"}").json()
        .get("totalResults").asInt()).isEqualTo(1);

    String group = scim.post("/groups", Fixtures.group("Lowercase", id)).json().get("id").asText();
    assertThat(scim.get("/GROUPS/" + group + "/").json().get("members").get(0).get("value").asText()).isEqualTo(id);
    Reply bulk = scim.post("/bulk", """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
          {"method":"PATCH","path":"/groups/%s","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
           "Operations":[{"op":"replace","path":"displayName","value":"Bulk lowercase"}]}}]}""".formatted(group));
    assertThat(bulk.json().at("/Operations/0/status").asText()).as(bulk.toString()).isEqualTo("200");
    assertThat(scim.get("/Groups/" + group).json().get("displayName").asText()).isEqualTo("Bulk lowercase");

    assertThat(scim.get("/serviceproviderconfig").json().at("/patch/supported").asBoolean()).isTrue();
    assertThat(scim.get("/resourcetypes").json().get("totalResults").asInt()).isEqualTo(2);
    assertThat(scim.get("/resourcetypes/user").json().get("endpoint").asText()).isEqualTo("/Users");
    assertThat(scim.get("/schemas").json().get("totalResults").asInt()).isEqualTo(3);
    assertThat(scim.get("/SCHEMAS/urn:ietf:params:scim:schemas:core:2.0:Group").json().get("name").asText())
        .isEqualTo("Group");
    assertScimError(scim.get("/me"), 501, null);
    assertScimError(scim.delete("/users"), 405, null);
    assertScimError(scim.get("/userz"), 404, null);
  }

  /** Microsoft's Postman collection: {@code attributes=emails[type eq "work"]} answers with the work e-mail. */
  @Test
  void attributesWithAValueFilterReturnTheMatchingValues() {
    String userName = "filtered-" + UUID.randomUUID() + "@example.com";
    Reply created = scim.post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "emails":[{"value":"work@example.com","type":"work","primary":true},
                   {"value":"home@example.com","type":"home"}]}""".formatted(userName));
    String id = created.json().get("id").asText();
    String attributes = "?attributes=" + Http.encode("emails[type eq \"work\"]");

    JsonNode user = scim.get("/Users/" + id + attributes).json();
    assertThat(user.get("emails").size()).isEqualTo(1);
    assertThat(user.at("/emails/0/value").asText()).isEqualTo("work@example.com");
    assertThat(user.has("userName")).isFalse();
    JsonNode listed = scim.get("/Users" + attributes + "&filter=" + Http.encode("userName eq \"" + userName + "\""))
        .json();
    assertThat(listed.at("/Resources/0/emails").toString()).isEqualTo(user.get("emails").toString());
    JsonNode values = scim.get("/Users/" + id + "?attributes=" + Http.encode("emails[type eq \"home\"].value"))
        .json();
    assertThat(values.get("emails").toString()).isEqualTo("[{\"value\":\"home@example.com\"}]");

    assertScimError(scim.get("/Users/" + id + "?attributes=" + Http.encode("emails[kind eq \"work\"]")), 400,
        "invalidFilter");
    assertThat(scim.get("/Users/" + id).json().get("emails").size()).as("nothing changed").isEqualTo(2);
  }

  /**
   * Microsoft's unquoted filter values are not SCIM: the custom connector quotes them for its connections, the core
   * (here behind the Okta connector) refuses them.
   */
  @Test
  void unquotedFilterValuesOnlyWhereTheConnectorQuotesThem() {
    String userName = "Ounquoted" + UUID.randomUUID().toString().substring(0, 8);
    scim.post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "name":{"familyName":"Employee-%s"}}""".formatted(userName, userName));
    for (String filter : new String[] {"userName sw " + userName.substring(0, 12), "name.familyName eq Employee-"
        + userName, "userName eq " + userName + " and meta.created gt 2015-10-10T14:38:21Z"}) {
      Reply found = scim.get("/Users?filter=" + Http.encode(filter));
      assertThat(found.status()).as(filter + ": " + found).isEqualTo(200);
      assertThat(found.json().get("totalResults").asInt()).as(filter).isEqualTo(1);
    }

    Http okta = gateway.newConnection("okta").scim();
    assertScimError(okta.get("/Users?filter=" + Http.encode("userName sw O")), 400, "invalidFilter");
    assertScimError(okta.get("/Users?filter=" + Http.encode("meta.created gt 2015-10-10T14:38:21Z")), 400,
        "invalidFilter");
    assertThat(okta.get("/Users?filter=" + Http.encode("userName sw \"O\"")).status()).isEqualTo(200);
  }

  /** The choices docs/conformance.md keeps against some suites, with the RFC's words. */
  @Test
  void choicesWhereTheRfcIsOnOurSide() {
    String user = scim.post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"choice-%s","displayName":"Ann Real"}"""
        .formatted(UUID.randomUUID())).json().get("id").asText();

    Reply patched = scim.patchOps("/Users/" + user, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}");
    assertThat(patched.status()).as("200 with the resource").isEqualTo(200);
    assertThat(patched.json().get("title").asText()).isEqualTo("x");

    assertScimError(scim.get("/serviceConfiguration"), 404, null);

    Reply bare = scim.post("/Groups", "{\"displayName\":\"Bare\",\"members\":[\"" + user + "\"]}");
    assertThat(bare.status()).as(bare.toString()).isEqualTo(400);
    assertThat(bare.json().get("scimType").asText()).isEqualTo("invalidValue");
    assertThat(scim.get("/Groups?filter=" + Http.encode("displayName eq \"Bare\"")).json().get("totalResults")
        .asInt()).as("nothing stored").isZero();

    String group = scim.post("/Groups", "{\"displayName\":\"Shown\",\"members\":[{\"value\":\"" + user
        + "\",\"display\":\"Some Other Name\"}]}").json().get("id").asText();
    assertThat(scim.get("/Groups/" + group).json().at("/members/0/display").asText()).as("the member's own name")
        .isEqualTo("Ann Real");
  }

  private static void assertLocation(Reply reply, int status, String location) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Location")).isEqualTo(location);
    assertThat(reply.header("Content-Location")).as("RFC 7643 §3.1").isEqualTo(location);
    assertThat(reply.json().at("/meta/location").asText()).isEqualTo(location);
  }

  private static String patchBody(String... operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + String.join(",", operations) + "]}";
  }
}
