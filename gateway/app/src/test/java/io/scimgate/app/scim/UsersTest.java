package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.scimgate.app.support.ScimAssertions.assertScimError;

/** /Users over real HTTP against a real PostgreSQL. */
class UsersTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient okta;
  private static Http scim;

  @BeforeAll
  static void setUp() {
    okta = gateway.newConnection("okta");
    scim = okta.scim();
  }

  @Test
  void createReturnsTheFullResourceWithLocationMetaAndVersion() {
    Reply created = scim.post("/Users", Fixtures.oktaUser("create.one@okta.local"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Content-Type")).startsWith("application/scim+json");
    JsonNode user = created.json();
    String id = user.get("id").asText();
    String location = scim.baseUrl() + "/Users/" + id;
    assertThat(created.header("Location")).isEqualTo(location);
    assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
    assertThat(user.get("userName").asText()).isEqualTo("create.one@okta.local");
    assertThat(user.get("externalId").asText()).isEqualTo("00ujl29u0le5T6Aj10h7");
    assertThat(user.get("active").asBoolean()).isTrue();
    assertThat(user.get("name").get("givenName").asText()).isEqualTo("Test");
    assertThat(user.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
    JsonNode meta = user.get("meta");
    assertThat(meta.get("resourceType").asText()).isEqualTo("User");
    assertThat(meta.get("location").asText()).isEqualTo(location);
    assertThat(meta.get("version").asText()).isEqualTo("W/\"1\"");
    assertThat(meta.get("created").asText()).isEqualTo(meta.get("lastModified").asText());
    assertThat(user.has("password")).as("password is never returned").isFalse();
    assertThat(user.has("groups")).as("read-only groups from input are ignored").isFalse();
  }

  @Test
  void passwordIsNeverStored() throws Exception {
    String id = scim.post("/Users", Fixtures.oktaUser("secret.keeper@okta.local")).json().get("id").asText();
    assertThat(scim.get("/Users/" + id).body()).doesNotContain("1mz050nq").doesNotContain("password");
    String stored = gateway.sql("SELECT doc::text FROM scim_users WHERE id = $1",
        java.util.UUID.fromString(id));
    assertThat(stored).doesNotContain("1mz050nq").doesNotContain("password");
  }

  @Test
  void entraPayloadWithEnterpriseExtensionMetaAndNulls() {
    Reply created = scim.post("/Users", Fixtures.entraUser("jane@contoso.com", "ext-jane"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode user = created.json();
    JsonNode enterprise = user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(enterprise.get("department").asText()).isEqualTo("R&D");
    assertThat(enterprise.has("manager")).isFalse();
    assertThat(user.has("addresses")).isFalse();
    assertThat(user.get("schemas")).hasSize(2);
  }

  @Test
  void getByIdAndUnknownIds() {
    String id = scim.post("/Users", Fixtures.oktaUser("get.me@okta.local")).json().get("id").asText();
    Reply found = scim.get("/Users/" + id);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("userName").asText()).isEqualTo("get.me@okta.local");
    assertThat(found.header("ETag")).isEqualTo("W/\"1\"");

    assertScimError(scim.get("/Users/00000000-0000-0000-0000-000000000000"), 404, null);
    assertScimError(scim.get("/Users/not-a-uuid"), 404, null);
  }

  @Test
  void duplicateUserNameIsAConflictCaseInsensitivelyAndChangesNothing() throws Exception {
    scim.post("/Users", Fixtures.oktaUser("dup.user@okta.local"));
    long before = count("scim_users");
    Reply again = scim.post("/Users", Fixtures.oktaUser("DUP.User@okta.local"));
    assertScimError(again, 409, "uniqueness");
    assertThat(count("scim_users")).isEqualTo(before);
  }

  @Test
  void putReplacesKeepsIdAndMetaAndKeepsActiveWhenOmitted() {
    JsonNode created = scim.post("/Users", Fixtures.oktaUser("put.me@okta.local")).json();
    String id = created.get("id").asText();
    scim.put("/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"put.me@okta.local","active":false}""");

    Reply replaced = scim.put("/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"forged","userName":"put.me@okta.local",
         "meta":{"created":"1999-01-01T00:00:00Z"},"title":"Boss","password":"p4ss"}""");

    assertThat(replaced.status()).isEqualTo(200);
    JsonNode user = replaced.json();
    assertThat(user.get("id").asText()).isEqualTo(id);
    assertThat(user.get("meta").get("created").asText()).isEqualTo(created.get("meta").get("created").asText());
    assertThat(user.get("meta").get("version").asText()).isEqualTo("W/\"3\"");
    assertThat(replaced.header("ETag")).isEqualTo("W/\"3\"");
    assertThat(user.get("title").asText()).isEqualTo("Boss");
    assertThat(user.has("name")).as("full replace drops what was not sent").isFalse();
    assertThat(user.get("active").asBoolean()).as("absent active keeps the stored false").isFalse();
    assertThat(user.has("password")).isFalse();
  }

  @Test
  void putToAnotherUsersUserNameIsAConflictAndLeavesBothIntact() {
    scim.post("/Users", Fixtures.oktaUser("taken@okta.local"));
    String id = scim.post("/Users", Fixtures.oktaUser("mine@okta.local")).json().get("id").asText();
    assertScimError(scim.put("/Users/" + id, Fixtures.oktaUser("TAKEN@okta.local")), 409, "uniqueness");
    assertThat(scim.get("/Users/" + id).json().get("userName").asText()).isEqualTo("mine@okta.local");
    assertScimError(scim.put("/Users/00000000-0000-0000-0000-000000000001", Fixtures.oktaUser("x@y")), 404, null);
  }

  @Test
  void deleteAnswers204ThenTheUserIsGone() {
    String id = scim.post("/Users", Fixtures.oktaUser("delete.me@okta.local")).json().get("id").asText();
    assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
    assertScimError(scim.get("/Users/" + id), 404, null);
    assertScimError(scim.delete("/Users/" + id), 404, null);
  }

  @Test
  void malformedJsonIsInvalidSyntax() throws Exception {
    long before = count("scim_users");
    assertScimError(scim.post("/Users", "{\"userName\": "), 400, "invalidSyntax");
    assertScimError(scim.post("/Users", "[1,2]"), 400, "invalidSyntax");
    assertScimError(scim.post("/Users", ""), 400, "invalidSyntax");
    assertThat(count("scim_users")).isEqualTo(before);
  }

  @Test
  void schemaViolationsAreInvalidValueAndWriteNothing() throws Exception {
    long before = count("scim_users");
    String core = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    assertScimError(scim.post("/Users", "{" + core + ",\"displayName\":\"No userName\"}"), 400, "invalidValue");
    assertScimError(scim.post("/Users", "{" + core + ",\"userName\":\"a\",\"active\":\"yes\"}"), 400,
        "invalidValue");
    assertScimError(scim.post("/Users", "{" + core + ",\"userName\":\"a\",\"emails\":\"a@b.c\"}"), 400,
        "invalidValue");
    assertScimError(scim.post("/Users", "{" + core + ",\"userName\":\"a\",\"emails\":[{\"value\":\"a@b\","
        + "\"primary\":true},{\"value\":\"c@d\",\"primary\":true}]}"), 400, "invalidValue");
    assertScimError(scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
        + "\"userName\":\"a\"}"), 400, "invalidValue");
    assertScimError(scim.post("/Users", "{" + core + ",\"userName\":42}"), 400, "invalidValue");
    assertThat(count("scim_users")).isEqualTo(before);
  }

  @Test
  void failedPutLeavesTheStoredUserAsItWas() {
    JsonNode created = scim.post("/Users", Fixtures.oktaUser("intact@okta.local")).json();
    String id = created.get("id").asText();
    assertScimError(scim.put("/Users/" + id, "{\"userName\":\"intact@okta.local\",\"active\":\"nope\"}"), 400,
        "invalidValue");
    JsonNode after = scim.get("/Users/" + id).json();
    assertThat(after).isEqualTo(created);
  }

  @Test
  void acceptsPlainJsonAndIgnoresUnknownQueryParameters() {
    Reply created = scim.send("POST", "/Users?aadOptscim062020", Fixtures.oktaUser("plain.json@okta.local"),
        "application/json");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Content-Type")).startsWith("application/scim+json");
    Reply listed = scim.get("/Users?aadOptscim062020&filter=userName%20eq%20%22plain.json%40okta.local%22");
    assertThat(listed.json().get("totalResults").asInt()).isEqualTo(1);
  }

  @Test
  void wrongMethodIs405AndUnknownEndpointIs404() {
    assertScimError(scim.put("/Users", "{}"), 405, null);
    assertScimError(scim.delete("/Groups"), 405, null);
    assertScimError(scim.get("/Nope"), 404, null);
  }

  @Test
  void meIsNotImplemented() {
    assertScimError(scim.get("/Me"), 501, null);
  }

  @Test
  void everyWriteAppendsAnAuditRow() {
    String id = scim.post("/Users", Fixtures.oktaUser("audited@okta.local")).json().get("id").asText();
    scim.put("/Users/" + id, Fixtures.oktaUser("audited@okta.local"));
    scim.delete("/Users/" + id);
    JsonNode audit = gateway.admin().get("/admin/v1/tenants/" + okta.tenantId() + "/audit?limit=1000").json();
    java.util.List<String> actions = new java.util.ArrayList<>();
    audit.get("items").forEach(row -> {
      if (id.equals(row.path("resourceId").asText())) {
        actions.add(row.get("action").asText());
        assertThat(row.get("resourceType").asText()).isEqualTo("User");
        assertThat(row.get("connectionId").asText()).isEqualTo(okta.connectionId());
        assertThat(row.get("requestId").asText()).isNotBlank();
      }
    });
    assertThat(actions).containsExactly("delete", "replace", "create");
  }

  private static long count(String table) throws Exception {
    return Long.parseLong(gateway.sql("SELECT count(*) FROM " + table));
  }
}
