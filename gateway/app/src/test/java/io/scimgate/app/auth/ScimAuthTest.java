package io.scimgate.app.auth;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bearer tokens of SCIM connections: who gets in, who does not, and how fast revocation works. */
class ScimAuthTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void missingOrMalformedTokensAre401WithBearerChallenge() {
    ScimClient client = gateway.newConnection("okta");
    Http scim = client.scim();
    assertUnauthorized(scim.withToken(null).get("/Users"));
    assertUnauthorized(scim.withToken("not-a-jwt").get("/Users"));
    assertUnauthorized(scim.withToken(client.token() + "x").get("/Users"));
    assertUnauthorized(scim.withToken(null).send("GET", "/Users", null, null));
  }

  @Test
  void anotherConnectionsTokenOrAnAdminTokenGetsNothing() {
    ScimClient a = gateway.newConnection("okta");
    ScimClient b = gateway.newConnection("azure-ad");
    String aliceId = a.scim().post("/Users", Fixtures.oktaUser("alice@a.example")).json().get("id").asText();

    Http bOnA = a.scim().withToken(b.token());
    assertUnauthorized(bOnA.get("/Users"));
    assertUnauthorized(bOnA.get("/Users/" + aliceId));
    assertUnauthorized(a.scim().withToken(admin.token()).get("/Users"));
    assertThat(b.scim().get("/Users").json().get("totalResults").asInt()).isZero();
    assertScimError(b.scim().get("/Users/" + aliceId), 404, null);
  }

  @Test
  void expiredTokensAre401() {
    ScimClient client = gateway.newConnection("okta");
    TokenService tokens = new TokenService(gateway.vertx(), TestGateway.SECRET);
    String expired = tokens.issueConnectionToken(UUID.fromString(client.tenantId()),
        UUID.fromString(client.connectionId()), 1, -3600);
    assertUnauthorized(client.scim().withToken(expired).get("/Users"));
    String valid = tokens.issueConnectionToken(UUID.fromString(client.tenantId()),
        UUID.fromString(client.connectionId()), 1, 3600);
    assertThat(client.scim().withToken(valid).get("/Users").status()).isEqualTo(200);
  }

  @Test
  void disabledDeletedAndReEnabledConnections() {
    ScimClient client = gateway.newConnection("onelogin");
    String path = connectionPath(client);
    assertThat(admin.post(path + "/disable", "{}").json().get("status").asText()).isEqualTo("disabled");
    assertUnauthorized(client.scim().get("/Users"));
    assertThat(admin.post(path + "/enable", "{}").json().get("status").asText()).isEqualTo("enabled");
    assertThat(client.scim().get("/Users").status()).isEqualTo(200);
    assertThat(admin.delete(path).status()).isEqualTo(204);
    assertUnauthorized(client.scim().get("/Users"));
    assertThat(admin.get(path).status()).isEqualTo(404);
  }

  @Test
  void rotationWithoutGraceStopsTheOldTokenAtOnce() {
    ScimClient client = gateway.newConnection("okta");
    JsonNode rotated = admin.post(connectionPath(client) + "/rotate-token", "{\"graceSeconds\":0}").json();
    String fresh = rotated.get("token").asText();
    assertThat(fresh).isNotEqualTo(client.token());
    assertUnauthorized(client.scim().get("/Users"));
    assertThat(client.scim().withToken(fresh).get("/Users").status()).isEqualTo(200);
  }

  @Test
  void rotationWithGraceKeepsTheOldTokenUntilTheGraceEnds() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    JsonNode rotated = admin.post(connectionPath(client) + "/rotate-token", "{\"graceSeconds\":2}").json();
    assertThat(rotated.has("previousTokenValidUntil")).isTrue();
    String fresh = rotated.get("token").asText();
    assertThat(client.scim().get("/Users").status()).as("old token in grace").isEqualTo(200);
    assertThat(client.scim().withToken(fresh).get("/Users").status()).isEqualTo(200);
    Thread.sleep(2_500);
    assertUnauthorized(client.scim().get("/Users"));
    assertThat(client.scim().withToken(fresh).get("/Users").status()).isEqualTo(200);
  }

  @Test
  void rotationRefusesBadGraceValues() {
    ScimClient client = gateway.newConnection("okta");
    Reply refused = admin.post(connectionPath(client) + "/rotate-token", "{\"graceSeconds\":-1}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").asText()).isEqualTo("invalidValue");
    assertThat(client.scim().get("/Users").status()).as("a refused rotation changes nothing").isEqualTo(200);
  }

  @Test
  void tenantWithoutScimGets403() {
    ScimClient client = gateway.newConnection("custom");
    String tenantPath = "/admin/v1/tenants/" + client.tenantId();
    assertThat(admin.put(tenantPath + "/scim", "{\"enabled\":false}").json().get("scimEnabled").asBoolean())
        .isFalse();
    Reply forbidden = client.scim().get("/Users");
    assertScimError(forbidden, 403, null);
    assertThat(forbidden.json().get("detail").asText()).isEqualTo("SCIM is not enabled for this account");
    admin.put(tenantPath + "/scim", "{\"enabled\":true}");
    assertThat(client.scim().get("/Users").status()).isEqualTo(200);
  }

  @Test
  void tokensAreNeverStoredInClear() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String row = gateway.sql("SELECT row_to_json(c)::text FROM connections c WHERE id = $1",
        UUID.fromString(client.connectionId()));
    assertThat(row).doesNotContain(client.token());
    String[] parts = client.token().split("\\.");
    assertThat(row).doesNotContain(parts[2]);
  }

  static void assertUnauthorized(Reply reply) {
    assertScimError(reply, 401, null);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
  }

  private static String connectionPath(ScimClient client) {
    return "/admin/v1/tenants/" + client.tenantId() + "/connections/" + client.connectionId();
  }
}
