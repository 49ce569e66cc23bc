package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Body limits, request ids, health, hostile characters and unexpected failures. */
class ProtocolEdgesTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.MAX_BODY_BYTES, "2048"));
  private static ScimClient client;
  private static Http scim;

  @BeforeAll
  static void setUp() {
    client = gateway.newConnection("okta");
    scim = client.scim();
  }

  @Test
  void bodiesOverTheLimitAre413AndWriteNothing() throws Exception {
    String big = Fixtures.oktaUser("big@okta.local").replace("\"Test User\"", "\"" + "x".repeat(4000) + "\"");
    assertScimError(scim.post("/Users", big), 413, null);
    assertThat(gateway.sql("SELECT count(*) FROM scim_users WHERE user_name = 'big@okta.local'")).isEqualTo("0");
  }

  @Test
  void requestIdsAreEchoedAndGeneratedWhenMissingOrInsane() {
    Reply given = scim.send("GET", "/Users", null, null);
    assertThat(given.header("X-Request-Id")).isNotBlank();
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(scim.baseUrl() + "/Users"))
        .header("Authorization", "Bearer " + client.token()).header("X-Request-Id", "okta-req-42").build();
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(request,
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("X-Request-Id")).contains("okta-req-42");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void nulCharactersAreBadInputNotServerErrors() {
    assertScimError(scim.post("/Users", Fixtures.oktaUser("nul\\u0000user@okta.local")), 400, "invalidValue");
    assertScimError(scim.get("/Users?filter=userName%20eq%20%22a%5Cu0000b%22"), 400, "invalidFilter");
  }

  @Test
  void healthEndpointsNeedNoToken() {
    assertThat(gateway.anonymous().get("/health/live").status()).isEqualTo(200);
    Reply ready = gateway.anonymous().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void unexpectedFailuresAre500WithARequestIdAndNoInternals() throws Exception {
    gateway.sql("ALTER TABLE scim_groups RENAME TO scim_groups_away");
    try {
      Reply failed = scim.post("/Groups", "{\"displayName\":\"Doomed\"}");
      assertScimError(failed, 500, null);
      assertThat(failed.json().get("detail").asText()).contains(failed.header("X-Request-Id"))
          .doesNotContain("scim_groups").doesNotContain("Exception");
    } finally {
      gateway.sql("ALTER TABLE scim_groups_away RENAME TO scim_groups");
    }
    assertThat(scim.post("/Groups", "{\"displayName\":\"Fine again\"}").status()).isEqualTo(201);
  }
}
