package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-attribute length limits, value counts and the PATCH operation count: each is a 400 whose detail names the
 * attribute and its limit, and leaves stored data as it was (long values used to reach the b-tree index: 500).
 */
class InputLimitsTest {
  private static final String LONG = "x".repeat(3000);
  /** A character that is 4 bytes in UTF-8: the worst case for the index row size. */
  private static final String EMOJI = "\uD83D\uDE00";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("okta").scim();
  }

  @Test
  void longIndexedUserValuesAre400NamingTheAttributeAndLimit() throws Exception {
    assertRefused(scim.post("/Users", Fixtures.oktaUser(LONG)), "userName", 256);
    assertRefused(scim.post("/Users", Fixtures.oktaUser("ext@okta.local").replace("00ujl29u0le5T6Aj10h7", LONG)),
        "externalId", 256);
    assertRefused(scim.post("/Users", Fixtures.oktaUser("dn@okta.local").replace("Test User", LONG)),
        "displayName", 256);
    assertRefused(scim.post("/Users", "{\"userName\":\"mail@okta.local\",\"emails\":[{\"value\":\"" + LONG + "\"}]}"),
        "emails.value", 256);
    assertThat(gateway.sql("SELECT count(*) FROM scim_users WHERE length(user_name) > 256 OR length(external_id) > 256"
        + " OR length(display_name) > 256 OR length(doc::text) > 3000")).isEqualTo("0");
  }

  @Test
  void otherStringsAreBoundedToo() {
    assertRefused(scim.post("/Users", "{\"userName\":\"title@okta.local\",\"title\":\"" + "t".repeat(5000) + "\"}"),
        "title", 4096);
    assertRefused(scim.post("/Users", "{\"userName\":\"dept@okta.local\",\"urn:ietf:params:scim:schemas:extension:"
        + "enterprise:2.0:User\":{\"department\":\"" + "d".repeat(5000) + "\"}}"), "department", 4096);
  }

  @Test
  void valuesAtTheLimitInFourByteCharactersAreStored() {
    String name = EMOJI.repeat(256);
    Reply user = scim.post("/Users", "{\"userName\":\"" + name + "\",\"displayName\":\"" + name + "\",\"externalId\":\""
        + name + "\",\"emails\":[{\"value\":\"" + name + "\"}]}");
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    assertThat(user.json().get("userName").asText()).isEqualTo(name);
    Reply group = scim.post("/Groups", "{\"displayName\":\"" + name + "\",\"externalId\":\"" + name + "\"}");
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
  }

  @Test
  void longGroupDisplayNameIs400() throws Exception {
    assertRefused(scim.post("/Groups", "{\"displayName\":\"" + LONG + "\"}"), "displayName", 256);
    assertThat(gateway.sql("SELECT count(*) FROM scim_groups WHERE length(display_name) > 256")).isEqualTo("0");
  }

  @Test
  void patchAndPutSettingALongValueAre400AndChangeNothing() {
    String id = scim.post("/Users", Fixtures.oktaUser("patched@okta.local")).json().get("id").asText();
    JsonNode before = scim.get("/Users/" + id).json();
    assertRefused(scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"" + LONG
        + "\"}"), "userName", 256);
    assertRefused(scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"value\":{\"displayName\":\"" + LONG + "\"}}"),
        "displayName", 256);
    assertRefused(scim.put("/Users/" + id, Fixtures.oktaUser("patched@okta.local").replace("Test User", LONG)),
        "displayName", 256);
    assertThat(scim.get("/Users/" + id).json()).isEqualTo(before);

    String group = scim.post("/Groups", "{\"displayName\":\"Renamed\"}").json().get("id").asText();
    assertRefused(scim.patchOps("/Groups/" + group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\""
        + LONG + "\"}"), "displayName", 256);
    assertRefused(scim.put("/Groups/" + group, "{\"displayName\":\"" + LONG + "\"}"), "displayName", 256);
    assertThat(scim.get("/Groups/" + group).json().get("displayName").asText()).isEqualTo("Renamed");
  }

  @Test
  void multiValuedAttributesHoldAtMostAHundredValues() {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      emails.add("{\"value\":\"m" + i + "@okta.local\"}");
    }
    assertRefused(scim.post("/Users", "{\"userName\":\"many@okta.local\",\"emails\":[" + String.join(",", emails)
        + "]}"), "emails", 100);
    String id = scim.post("/Users", Fixtures.oktaUser("grows@okta.local")).json().get("id").asText();
    assertRefused(scim.patchOps("/Users/" + id, "{\"op\":\"add\",\"path\":\"emails\",\"value\":["
        + String.join(",", emails) + "]}"), "emails", 100);
  }

  @Test
  void groupMembersAreNotCountLimited() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      ids.add(scim.post("/Users", Fixtures.oktaUser("member" + i + "@okta.local")).json().get("id").asText());
    }
    Reply created = scim.post("/Groups", Fixtures.group("Big", ids.toArray(String[]::new)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("members")).hasSize(101);
  }

  @Test
  void patchTakesAtMostAThousandOperations() {
    String id = scim.post("/Users", Fixtures.oktaUser("ops@okta.local")).json().get("id").asText();
    JsonNode before = scim.get("/Users/" + id).json();
    String operation = "{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"n\"}";
    assertRefused(scim.patchOps("/Users/" + id, Collections.nCopies(1001, operation).toArray(String[]::new)),
        "Operations", 1000);
    assertThat(scim.get("/Users/" + id).json()).isEqualTo(before);
    assertThat(scim.patchOps("/Users/" + id, Collections.nCopies(1000, operation).toArray(String[]::new)).status())
        .isEqualTo(200);
  }

  @Test
  void bulkReportsTheLimitPerOperation() {
    Reply reply = scim.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
        + "\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\""
        + LONG + "\"}}]}");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode result = reply.json().get("Operations").get(0);
    assertThat(result.get("status").asText()).isEqualTo("400");
    assertThat(result.get("response").get("detail").asText()).contains("userName").contains("256");
  }

  /** A JSON escape can produce half a surrogate pair, which has no UTF-8 form: PostgreSQL refused it with a 500. */
  @Test
  void loneSurrogatesAreBadInput() {
    assertScimError(scim.post("/Users", "{\"userName\":\"half@okta.local\",\"title\":\"a\\ud800b\"}"), 400,
        "invalidValue");
    String group = scim.post("/Groups", "{\"displayName\":\"Whole\"}").json().get("id").asText();
    assertScimError(scim.patchOps("/Groups/" + group, "{\"op\":\"replace\",\"path\":\"displayName\","
        + "\"value\":\"\\udfff\"}"), 400, "invalidValue");
    assertScimError(scim.post("/Users/.search", "{\"filter\":\"userName eq \\\"\\ud800\\\"\"}"), 400,
        "invalidFilter");
  }

  @Test
  void filterLimitsStay() {
    assertScimError(scim.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
        + "\"filter\":\"userName eq \\\"" + "a".repeat(10_001) + "\\\"\"}"), 400, "invalidFilter");
  }

  @Test
  void schemasAdvertiseTheLimits() {
    JsonNode user = scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
    assertThat(description(user, "userName")).contains("256 characters");
    assertThat(description(user, "title")).contains("4096 characters");
    assertThat(description(user, "emails")).contains("100 values");
    JsonNode group = scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").json();
    assertThat(description(group, "displayName")).contains("256 characters");
  }

  private static String description(JsonNode schema, String attribute) {
    for (JsonNode definition : schema.get("attributes")) {
      if (definition.get("name").asText().equals(attribute)) {
        return definition.get("description").asText();
      }
    }
    throw new AssertionError("no attribute " + attribute);
  }

  private static void assertRefused(Reply reply, String attribute, int limit) {
    assertScimError(reply, 400, "invalidValue");
    assertThat(reply.json().get("detail").asText()).as(reply.toString()).contains(attribute)
        .contains(Integer.toString(limit));
  }
}
