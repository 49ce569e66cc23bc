package io.scimgate.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.scim.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Okta's requests (docs/idp-behaviour.md O1-O11, P9-P14) over HTTP through an okta connection. */
class OktaQuirksTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("okta").scim();
  }

  private static String userName() {
    return "test.user." + UUID.randomUUID() + "@okta.local";
  }

  @Test
  void p13CreateDropsThePasswordAndGroupsAndAnswersTheFullUser() throws Exception {
    Reply created = scim.post("/Users", Fixtures.oktaUser(userName()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("userName").asText()).isNotBlank();
    assertThat(created.json().has("password")).isFalse();
    String id = created.json().get("id").asText();
    assertThat(gateway.sql("SELECT doc::text FROM scim_users WHERE id = $1::uuid", id))
        .doesNotContain("1mz050nq").doesNotContainIgnoringCase("password");
  }

  @Test
  void o15RepeatedCreateIs409AndClearsNothing() {
    String name = userName();
    String id = scim.post("/Users", Fixtures.oktaUser(name)).json().get("id").asText();
    Reply again = scim.post("/Users", Fixtures.oktaUser(name.toUpperCase()).replace("\"Test\"", "\"Other\""));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("scimType").asText()).isEqualTo("uniqueness");
    assertThat(scim.get("/Users/" + id).json().at("/name/givenName").asText()).isEqualTo("Test");
  }

  @Test
  void p14ExistenceCheckWithIntegersAndCaseInsensitiveUserName() {
    String name = userName();
    scim.post("/Users", Fixtures.oktaUser(name));
    JsonNode found = list("/Users?filter=" + Http.encode("userName eq \"" + name.toUpperCase() + "\"")
        + "&startIndex=1&count=100");
    assertThat(found.get("totalResults").isInt()).isTrue();
    assertThat(found.get("totalResults").asInt()).isEqualTo(1);
    assertThat(found.get("itemsPerPage").asInt()).isEqualTo(1);
    assertThat(found.get("startIndex").isInt()).isTrue();
    JsonNode missing = list("/Users?filter=" + Http.encode("userName eq \"nobody-" + UUID.randomUUID() + "@okta.local\"")
        + "&startIndex=1&count=100");
    assertThat(missing.get("totalResults").asInt()).isZero();
  }

  @Test
  void p9DeactivateAndO6ReactivateWithPathlessReplace() {
    String id = scim.post("/Users", Fixtures.oktaUser(userName())).json().get("id").asText();
    Reply off = scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    assertThat(off.status()).isIn(200, 204);
    assertThat(scim.get("/Users/" + id).json().get("active").asBoolean()).isFalse();
    scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"value\":{\"active\":true}}");
    assertThat(scim.get("/Users/" + id).json().get("active").asBoolean()).isTrue();
    assertThat(list("/Users?filter=" + Http.encode("externalId eq \"00ujl29u0le5T6Aj10h7\"")).get("totalResults").asInt())
        .as("no duplicate").isGreaterThanOrEqualTo(1);
  }

  @Test
  void o4PutWithoutActiveKeepsItAndAiwDeactivationByPut() {
    String name = userName();
    String id = scim.post("/Users", Fixtures.oktaUser(name)).json().get("id").asText();
    ObjectNode body = (ObjectNode) ScimJson.parse(Fixtures.oktaUser(name));
    body.remove("active");
    String withoutActive = body.put("displayName", "Renamed").toString();
    assertThat(scim.put("/Users/" + id, withoutActive).status()).isEqualTo(200);
    assertThat(scim.get("/Users/" + id).json().get("active").asBoolean()).isTrue();
    assertThat(scim.put("/Users/" + id, Fixtures.oktaUser(name).replace("\"active\":true", "\"active\":false"))
        .status()).isEqualTo(200);
    assertThat(scim.get("/Users/" + id).json().get("active").asBoolean()).isFalse();
  }

  @Test
  void p10P11P12GroupRenameMembershipInOrderAndClear() {
    String a = scim.post("/Users", Fixtures.oktaUser(userName())).json().get("id").asText();
    String b = scim.post("/Users", Fixtures.oktaUser(userName())).json().get("id").asText();
    Reply group = scim.post("/Groups", "{\"displayName\":\"Test SCIMv2 " + UUID.randomUUID() + "\",\"members\":[]}");
    assertThat(group.status()).isEqualTo(201);
    String gid = group.json().get("id").asText();
    scim.patchOps("/Groups/" + gid, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a
        + "\",\"display\":\"a@okta.local\"}]}");
    Reply both = scim.patchOps("/Groups/" + gid,
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}",
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\",\"display\":\"b@okta.local\"}]}");
    assertThat(both.status()).as(both.toString()).isIn(200, 204);
    assertThat(members(gid)).containsExactly(b);
    JsonNode member = scim.get("/Groups/" + gid).json().at("/members/0");
    assertThat(member.get("type").asText()).as("O9: type defaults to User").isEqualTo("User");
    Reply rename = scim.patchOps("/Groups/" + gid,
        "{\"op\":\"replace\",\"value\":{\"id\":\"" + gid + "\",\"displayName\":\"Test SCIMv2 renamed\"}}");
    assertThat(rename.status()).as("P10 " + rename).isIn(200, 204);
    JsonNode renamed = scim.get("/Groups/" + gid).json();
    assertThat(renamed.get("displayName").asText()).as("O7: the IdP's own name").isEqualTo("Test SCIMv2 renamed");
    assertThat(renamed.get("id").asText()).isEqualTo(gid);
    Reply clear = scim.patchOps("/Groups/" + gid, "{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}");
    assertThat(clear.status()).as("P12 " + clear).isIn(200, 204);
    assertThat(members(gid)).isEmpty();
  }

  @Test
  void o11PagingIsStableAndItemsPerPageCountsRows() {
    for (int i = 0; i < 5; i++) {
      scim.post("/Users", Fixtures.oktaUser(userName()));
    }
    JsonNode all = list("/Users?startIndex=1&count=100");
    int total = all.get("totalResults").asInt();
    List<String> paged = new ArrayList<>();
    for (int start = 1; start <= total; start += 2) {
      JsonNode page = list("/Users?startIndex=" + start + "&count=2");
      assertThat(page.get("itemsPerPage").asInt()).isEqualTo(page.get("Resources").size());
      page.get("Resources").forEach(u -> paged.add(u.get("id").asText()));
    }
    List<String> once = new ArrayList<>();
    all.get("Resources").forEach(u -> once.add(u.get("id").asText()));
    assertThat(paged).isEqualTo(once);
  }

  private List<String> members(String groupId) {
    List<String> ids = new ArrayList<>();
    scim.get("/Groups/" + groupId).json().path("members").forEach(m -> ids.add(m.get("value").asText()));
    return ids;
  }

  private static JsonNode list(String path) {
    Reply reply = scim.get(path);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }
}
