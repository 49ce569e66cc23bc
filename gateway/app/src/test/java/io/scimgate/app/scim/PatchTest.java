package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PATCH and ETags over real HTTP and PostgreSQL, with the IdP fixtures of docs/idp-behaviour.md. */
class PatchTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient client;
  private static Http scim;

  @BeforeAll
  static void setUp() {
    client = gateway.newConnection("okta");
    scim = client.scim();
  }

  @Test
  void oktaDeactivateAndReactivate() {
    String id = user("okta.p9@okta.local");
    Reply deactivated = scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    assertThat(deactivated.status()).isEqualTo(200);
    assertThat(deactivated.json().get("active").asBoolean()).isFalse();
    assertThat(deactivated.header("ETag")).isEqualTo("W/\"2\"");
    assertThat(scim.get("/Users/" + id).json().get("active").asBoolean()).isFalse();
    assertThat(listActive(id, false)).isEqualTo(1);
    scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"value\":{\"active\":true}}");
    assertThat(listActive(id, true)).isEqualTo(1);
  }

  @Test
  void entraFixturesWithTheComplianceFlag() {
    String id = scim.post("/Users", Fixtures.entraUser("p2@contoso.com", "ext-p2")).json().get("id").asText();
    JsonNode user = scim.patchOps("/Users/" + id,
        "{\"op\":\"replace\",\"value\":{\"displayName\":\"Bjfe\",\"name.givenName\":\"Kkom\","
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber\":\"Aklq\"}}",
        "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"updatedEmail@microsoft.com\"}",
        "{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 555 0100\"}").json();
    assertThat(user.get("displayName").asText()).isEqualTo("Bjfe");
    assertThat(user.get("name").get("givenName").asText()).isEqualTo("Kkom");
    assertThat(user.get("name").get("familyName").asText()).isEqualTo("Doe");
    assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").get("employeeNumber")
        .asText()).isEqualTo("Aklq");
    assertThat(user.get("emails").get(0).get("value").asText()).isEqualTo("updatedEmail@microsoft.com");
    assertThat(user.get("phoneNumbers").get(0).get("type").asText()).isEqualTo("mobile");
    // the indexed e-mail column follows the document
    assertThat(scim.get("/Users?filter=emails.value%20eq%20%22updatedemail%40microsoft.com%22").json()
        .get("totalResults").asInt()).isEqualTo(1);
  }

  @Test
  void aFailingOperationLeavesTheUserUntouched() {
    String id = user("atomic@okta.local");
    JsonNode before = scim.get("/Users/" + id).json();
    assertScimError(scim.patchOps("/Users/" + id,
        "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Changed\"}",
        "{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}"), 400, "invalidValue");
    assertScimError(scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"path\":\"meta.created\",\"value\":\"x\"}"),
        400, "mutability");
    assertScimError(scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"path\":\"nope[\",\"value\":1}"), 400,
        "invalidPath");
    assertScimError(scim.patchOps("/Users/" + id, "{\"op\":\"remove\"}"), 400, "noTarget");
    assertScimError(scim.patch("/Users/" + id, "{\"Operations\":"), 400, "invalidSyntax");
    assertThat(scim.get("/Users/" + id).json()).isEqualTo(before);
    assertScimError(scim.patchOps("/Users/" + UUID.randomUUID(), "{\"op\":\"add\",\"value\":{\"title\":\"x\"}}"),
        404, null);
  }

  @Test
  void renamingToATakenUserNameIsAConflict() {
    user("taken.by.patch@okta.local");
    String id = user("renamer@okta.local");
    assertScimError(scim.patchOps("/Users/" + id,
        "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"TAKEN.by.patch@okta.local\"}"), 409, "uniqueness");
  }

  @Test
  void preferMinimalAnswers204() {
    String id = user("minimal@okta.local");
    Reply reply = scim.send("PATCH", "/Users/" + id, patchBody("{\"op\":\"add\",\"value\":{\"title\":\"CTO\"}}"),
        "application/scim+json", Map.of("Prefer", "return=minimal"));
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("ETag")).isEqualTo("W/\"2\"");
    assertThat(scim.get("/Users/" + id).json().get("title").asText()).isEqualTo("CTO");
  }

  @Test
  void etagsGuardWritesAndSaveReads() {
    String id = user("etag@okta.local");
    Reply stale = scim.send("PATCH", "/Users/" + id, patchBody("{\"op\":\"add\",\"value\":{\"title\":\"x\"}}"),
        "application/scim+json", Map.of("If-Match", "W/\"7\""));
    assertScimError(stale, 412, null);
    assertScimError(scim.send("PUT", "/Users/" + id, Fixtures.oktaUser("etag@okta.local"), "application/scim+json",
        Map.of("If-Match", "W/\"9\"")), 412, null);
    assertScimError(scim.send("DELETE", "/Users/" + id, null, null, Map.of("If-Match", "\"3\"")), 412, null);
    assertThat(scim.get("/Users/" + id).json().get("meta").get("version").asText()).isEqualTo("W/\"1\"");

    Reply current = scim.send("PATCH", "/Users/" + id, patchBody("{\"op\":\"add\",\"value\":{\"title\":\"x\"}}"),
        "application/scim+json", Map.of("If-Match", "W/\"1\""));
    assertThat(current.status()).isEqualTo(200);
    assertThat(scim.send("GET", "/Users/" + id, null, null, Map.of("If-None-Match", "W/\"2\"")).status())
        .isEqualTo(304);
    assertThat(scim.send("GET", "/Users/" + id, null, null, Map.of("If-None-Match", "W/\"1\"")).status())
        .isEqualTo(200);
    assertThat(scim.send("DELETE", "/Users/" + id, null, null, Map.of("If-Match", "W/\"2\"")).status())
        .isEqualTo(204);
  }

  @Test
  void groupMembershipPatchesAnswer204AndNeverSerializeMembers() throws Exception {
    String a = user("member.a@okta.local");
    String b = user("member.b@okta.local");
    String c = user("member.c@okta.local");
    String group = scim.post("/Groups", "{\"displayName\":\"Test SCIMv2\",\"members\":[]}").json().get("id").asText();

    Reply added = scim.patchOps("/Groups/" + group,
        "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + a + "\"},{\"value\":\""
            + b + "\"}]}");
    assertThat(added.status()).isEqualTo(204);
    assertThat(added.body()).isEmpty();
    assertThat(memberIds(group)).containsExactlyInAnyOrder(a, b);

    // Okta P11: one remove and one add, in order, plus its rename with the id in the value (P10)
    assertThat(scim.patchOps("/Groups/" + group,
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}",
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + c + "\",\"display\":\"c\"}]}",
        "{\"op\":\"replace\",\"value\":{\"id\":\"" + group + "\",\"displayName\":\"Renamed\"}}").status())
        .isEqualTo(204);
    assertThat(memberIds(group)).containsExactlyInAnyOrder(b, c);
    assertThat(scim.get("/Groups/" + group).json().get("displayName").asText()).isEqualTo("Renamed");
    assertThat(gateway.sql("SELECT product_name FROM scim_groups WHERE id = $1", UUID.fromString(group)))
        .isEqualTo("Okta SCIM - Renamed");

    // Entra P3 (remove with a value array) and Okta P12 (replace with [])
    scim.patchOps("/Groups/" + group, "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"}]}");
    assertThat(memberIds(group)).containsExactly(c);
    scim.patchOps("/Groups/" + group, "{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}");
    assertThat(memberIds(group)).isEmpty();

    Reply representation = scim.send("PATCH", "/Groups/" + group,
        patchBody("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}"),
        "application/scim+json", Map.of("Prefer", "return=representation"));
    assertThat(representation.status()).isEqualTo(200);
    assertThat(representation.json().has("members")).isFalse();
    assertThat(representation.json().get("displayName").asText()).isEqualTo("Renamed");
  }

  @Test
  void unknownMembersAreRefusedWithoutPartialEffects() {
    String known = user("known@okta.local");
    String group = scim.post("/Groups", "{\"displayName\":\"Strict\"}").json().get("id").asText();
    assertScimError(scim.patchOps("/Groups/" + group,
        "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Should not stick\"}",
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + known + "\"},{\"value\":\""
            + UUID.randomUUID() + "\"}]}"), 400, "invalidValue");
    JsonNode after = scim.get("/Groups/" + group).json();
    assertThat(after.get("displayName").asText()).isEqualTo("Strict");
    assertThat(after.get("members")).isEmpty();
    assertThat(after.get("meta").get("version").asText()).isEqualTo("W/\"1\"");
  }

  @Test
  void membershipOnlyPatchesAreAtomicAndHonourIfMatch() {
    String known = user("mo.known@okta.local");
    String group = scim.post("/Groups", "{\"displayName\":\"Members only\"}").json().get("id").asText();
    assertScimError(scim.patchOps("/Groups/" + group,
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + known + "\"},{\"value\":\""
            + UUID.randomUUID() + "\"}]}"), 400, "invalidValue");
    assertScimError(scim.patchOps("/Groups/" + group,
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + group + "\"}]}"), 400,
        "invalidValue");
    JsonNode unchanged = scim.get("/Groups/" + group).json();
    assertThat(unchanged.get("members")).isEmpty();
    assertThat(unchanged.get("meta").get("version").asText()).isEqualTo("W/\"1\"");

    Reply stale = scim.send("PATCH", "/Groups/" + group, patchBody("{\"op\":\"add\",\"path\":\"members\","
        + "\"value\":[{\"value\":\"" + known + "\"}]}"), "application/scim+json", Map.of("If-Match", "W/\"5\""));
    assertScimError(stale, 412, null);
    Reply current = scim.send("PATCH", "/Groups/" + group, patchBody("{\"op\":\"add\",\"path\":\"members\","
        + "\"value\":[{\"value\":\"" + known + "\"}]}"), "application/scim+json", Map.of("If-Match", "W/\"1\""));
    assertThat(current.status()).isEqualTo(204);
    assertThat(current.header("ETag")).isEqualTo("W/\"2\"");
    assertThat(memberIds(group)).containsExactly(known);
    assertScimError(scim.patchOps("/Groups/" + UUID.randomUUID(),
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + known + "\"}]}"), 404, null);
  }

  private static List<String> memberIds(String group) {
    List<String> ids = new ArrayList<>();
    scim.get("/Groups/" + group).json().get("members").forEach(member -> ids.add(member.get("value").asText()));
    return ids;
  }

  private static int listActive(String id, boolean active) {
    return scim.get("/Users?filter=id%20eq%20%22" + id + "%22%20and%20active%20eq%20" + active).json()
        .get("totalResults").asInt();
  }

  private static String user(String userName) {
    return scim.post("/Users", Fixtures.oktaUser(userName)).json().get("id").asText();
  }

  private static String patchBody(String... operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + String.join(",", operations) + "]}";
  }
}
