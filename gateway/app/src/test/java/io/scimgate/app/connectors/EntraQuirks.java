package io.scimgate.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microsoft Entra ID's payloads (docs/idp-behaviour.md E1-E14, P1-P8, P15) sent over HTTP through an azure-ad
 * connection, checking what is stored. Entra's tenant URL may carry {@code ?aadOptscim062020}; on-demand
 * provisioning ignores it, so every payload of both dialects is sent with and without it (two subclasses).
 */
abstract class EntraQuirks {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  /** Whether requests carry the compliance flag in their query string. */
  abstract boolean flagged();

  @BeforeAll
  static void setUp() {
    ScimClient client = gateway.newConnection("azure-ad");
    scim = client.scim();
  }

  private String url(String path) {
    return flagged() ? path + (path.contains("?") ? "&" : "?") + "aadOptscim062020" : path;
  }

  private String createUser() {
    String name = "entra." + UUID.randomUUID() + "@contoso.com";
    Reply created = scim.post(url("/Users"), Fixtures.entraUser(name, UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private JsonNode user(String id) {
    return scim.get(url("/Users/" + id)).json();
  }

  @Test
  void p1DeactivatesWithAFalseString() {
    String id = createUser();
    Reply reply = scim.patchOps(url("/Users/" + id), "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    assertThat(user(id).get("active").isBoolean()).isTrue();
    assertThat(user(id).get("active").asBoolean()).isFalse();
    scim.patchOps(url("/Users/" + id), "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}");
    assertThat(user(id).get("active").asBoolean()).as("E12: re-activated").isTrue();
  }

  @Test
  void e1DeleteIsRemove() {
    String id = createUser();
    Reply reply = scim.patchOps(url("/Users/" + id), "{\"op\":\"Delete\",\"path\":\"title\"}");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    assertThat(user(id).has("title")).isFalse();
  }

  @Test
  void p2PathlessReplaceWithDottedAndUrnKeys() {
    String id = createUser();
    Reply reply = scim.patchOps(url("/Users/" + id), """
        {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}""");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    JsonNode user = user(id);
    assertThat(user.get("displayName").asText()).isEqualTo("Bjfe");
    assertThat(user.at("/name/givenName").asText()).isEqualTo("Kkom");
    assertThat(user.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("Aklq");
  }

  @Test
  void e3OneReplacePerPathIncludingFilteredAndUrnPaths() {
    String id = createUser();
    Reply reply = scim.patchOps(url("/Users/" + id),
        "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"updatedEmail@microsoft.com\"}",
        "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\"7\"}",
        "{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 555 0100\"}");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    JsonNode user = user(id);
    assertThat(user.at("/emails/0/value").asText()).as("P6").isEqualTo("updatedEmail@microsoft.com");
    assertThat(user.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("7");
    assertThat(user.at("/phoneNumbers/0/type").asText()).as("E9: created").isEqualTo("mobile");
    assertThat(user.at("/phoneNumbers/0/value").asText()).isEqualTo("+1 555 0100");
  }

  @Test
  void p7AndE7ManagerAsScalarOrArrayOnTheBarePath() {
    String id = createUser();
    scim.patchOps(url("/Users/" + id), "{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"271\"}");
    assertThat(user(id).get(ENTERPRISE).at("/manager/value").asText()).isEqualTo("271");
    Reply reply = scim.patchOps(url("/Users/" + id),
        "{\"op\":\"Replace\",\"path\":\"manager\",\"value\":[{\"$ref\":null,\"value\":\"272\"}]}");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    assertThat(user(id).get(ENTERPRISE).at("/manager/value").asText()).isEqualTo("272");
  }

  @Test
  void e8RoleValuesWrittenAsJsonStringsAreParsed() {
    String id = createUser();
    Reply reply = scim.patchOps(url("/Users/" + id), """
        {"op":"Add","path":"roles","value":[{"primary":"True","type":"WindowsAzureActiveDirectoryRole",
         "value":"{\\"id\\":\\"827f0d2e\\",\\"value\\":\\"DocumentMgmt-Admin\\",\\"displayName\\":\\"DocumentMgmt Admin\\"}"}]}""");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    JsonNode role = user(id).at("/roles/0");
    assertThat(role.get("value").asText()).isEqualTo("DocumentMgmt-Admin");
    assertThat(role.get("display").asText()).isEqualTo("DocumentMgmt Admin");
    assertThat(role.get("primary").asBoolean()).isTrue();
    reply = scim.patchOps(url("/Users/" + id),
        "{\"op\":\"Replace\",\"path\":\"roles[primary eq \\\"True\\\"].display\",\"value\":\"Admins\"}");
    assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
    assertThat(user(id).at("/roles/0/display").asText()).isEqualTo("Admins");
  }

  @Test
  void p15AndE13CreatePayloadWithTrueStringNullsMetaAndTheUrnTypo() {
    Reply created = scim.post(url("/Users"), """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
         "userName":"emp1-%s","active":"True","addresses":null,"manager":null,"roles":[],
         "meta":{"resourceType":"User"},
         "emails":[{"primary":"True","type":"work","value":"emp1@contoso.com"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0User":{"department":"Sales","manager":"271"}}"""
        .formatted(UUID.randomUUID()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode user = user(created.json().get("id").asText());
    assertThat(user.get("active").isBoolean() && user.get("active").asBoolean()).isTrue();
    assertThat(user.at("/emails/0/primary").asBoolean()).isTrue();
    assertThat(user.get(ENTERPRISE).get("department").asText()).isEqualTo("Sales");
    assertThat(user.get(ENTERPRISE).at("/manager/value").asText()).isEqualTo("271");
    assertThat(user.has("addresses")).isFalse();
  }

  @Test
  void p3P4P5MembershipInBothDialectsAndGroupPatchAnswers204() {
    String a = createUser();
    String b = createUser();
    Reply group = scim.post(url("/Groups"), """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                    "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
         "externalId":"%s","displayName":"Entra %s","meta":{"resourceType":"Group"},"members":[]}"""
        .formatted(UUID.randomUUID(), UUID.randomUUID()));
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
    String gid = group.json().get("id").asText();
    Reply add = scim.patchOps(url("/Groups/" + gid), "{\"op\":\"Add\",\"path\":\"members\",\"value\":["
        + "{\"$ref\":null,\"value\":\"" + a + "\"},{\"$ref\":null,\"value\":\"" + b + "\"}]}");
    assertThat(add.status()).as("P5 " + add).isEqualTo(204);
    assertThat(add.body()).isEmpty();
    assertThat(members(gid)).containsExactlyInAnyOrder(a, b);
    Reply legacyRemove = scim.patchOps(url("/Groups/" + gid),
        "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}");
    assertThat(legacyRemove.status()).as("P3 " + legacyRemove).isEqualTo(204);
    assertThat(members(gid)).containsExactly(b);
    Reply compliantRemove = scim.patchOps(url("/Groups/" + gid),
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + b + "\\\"]\"}");
    assertThat(compliantRemove.status()).as("P4 " + compliantRemove).isEqualTo(204);
    assertThat(members(gid)).isEmpty();
  }

  private java.util.List<String> members(String groupId) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    scim.get(url("/Groups/" + groupId)).json().path("members").forEach(m -> ids.add(m.get("value").asText()));
    return ids;
  }

  @Test
  void p8AndE10FiltersEntraUses() {
    String id = createUser();
    JsonNode stored = user(id);
    String userName = stored.get("userName").asText();
    String externalId = stored.get("externalId").asText();
    assertThat(list(usersWhere("externalId eq \"" + externalId + "\"")).get("totalResults").asInt())
        .isEqualTo(1);
    assertThat(list(usersWhere("userName eq \"" + userName.toUpperCase() + "\" and active eq true"))
        .get("totalResults").asInt()).isEqualTo(1);
    assertThat(list(usersWhere("emails[type eq \"work\"].value eq \"" + userName + "\""))
        .get("totalResults").asInt()).as("Microsoft's tutorial filter form").isEqualTo(1);
    assertThat(list(usersWhere("id eq \"" + id + "\"")).get("totalResults").asInt()).isEqualTo(1);
    scim.patchOps(url("/Users/" + id), "{\"op\":\"Add\",\"path\":\"manager\",\"value\":\"mgr-" + id + "\"}");
    assertThat(list(usersWhere(ENTERPRISE + ":manager.value eq \"mgr-" + id + "\""))
        .get("totalResults").asInt()).isEqualTo(1);
    assertThat(list(usersWhere("manager.value eq \"mgr-" + id + "\"")).get("totalResults").asInt())
        .as("the extension attribute without its URN").isEqualTo(1);
    String gid = scim.post(url("/Groups"), Fixtures.group("P8 " + UUID.randomUUID(), id)).json().get("id").asText();
    String displayName = scim.get(url("/Groups/" + gid)).json().get("displayName").asText();
    JsonNode groups = list("/Groups?excludedAttributes=members&filter="
        + Http.encode("displayName eq \"" + displayName + "\""));
    assertThat(groups.get("totalResults").asInt()).isEqualTo(1);
    assertThat(groups.at("/Resources/0").has("members")).as("P8: no members").isFalse();
  }

  @Test
  void e11TestConnectionProbesGetAnEmptyListNotA404() {
    JsonNode probe = list(usersWhere("userName eq \"" + UUID.randomUUID() + "\""));
    assertThat(probe.get("totalResults").asInt()).isZero();
    assertThat(probe.get("Resources") == null || probe.get("Resources").isEmpty()).isTrue();
    assertThat(scim.get(url("/Users/" + UUID.randomUUID())).status()).isEqualTo(404);
  }

  private JsonNode list(String path) {
    Reply reply = scim.get(url(path));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static String usersWhere(String filter) {
    return "/Users?filter=" + Http.encode(filter);
  }
}
