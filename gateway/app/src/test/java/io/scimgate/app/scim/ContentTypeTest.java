package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SCIM writes take JSON only: other declared media types are 415 with a SCIM error body and write nothing. A body
 * without a Content-Type is read as JSON, because IdPs in the wild sometimes omit the header.
 */
class ContentTypeTest {
  private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
      + "\"Operations\":[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"changed\"}]}";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("okta").scim();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "text/xml; charset=utf-8",
      "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", "garbage"})
  void otherMediaTypesAre415AndWriteNothing(String contentType) throws Exception {
    String userName = "ct-" + Integer.toHexString(contentType.hashCode()) + "@okta.local";
    assertScimError(scim.send("POST", "/Users", Fixtures.oktaUser(userName), contentType), 415, null);
    assertThat(gateway.sql("SELECT count(*) FROM scim_users WHERE user_name = $1", userName)).isEqualTo("0");

    String id = scim.post("/Users", Fixtures.oktaUser("kept-" + userName)).json().get("id").asText();
    assertScimError(scim.send("PUT", "/Users/" + id, Fixtures.oktaUser("moved-" + userName), contentType), 415, null);
    assertScimError(scim.send("PATCH", "/Users/" + id, PATCH, contentType), 415, null);
    assertScimError(scim.send("POST", "/Groups", "{\"displayName\":\"No\"}", contentType), 415, null);
    assertScimError(scim.send("POST", "/Bulk", "{\"Operations\":[]}", contentType), 415, null);
    assertThat(scim.get("/Users/" + id).json().get("userName").asText()).isEqualTo("kept-" + userName);
    assertThat(scim.get("/Users/" + id).json().has("nickName")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/scim+json", "application/json", "application/scim+json; charset=utf-8",
      "application/json;charset=UTF-8", "Application/SCIM+JSON"})
  void jsonMediaTypesAreAccepted(String contentType) {
    String userName = "ok-" + Integer.toHexString(contentType.hashCode()) + "@okta.local";
    Reply created = scim.send("POST", "/Users", Fixtures.oktaUser(userName), contentType);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(scim.send("PATCH", "/Users/" + id, PATCH, contentType).status()).isEqualTo(200);
  }

  /** Lenient on purpose: a body with no Content-Type is JSON or a 400, never a 415 an IdP cannot act on. */
  @Test
  void aBodyWithoutContentTypeIsReadAsJson() {
    Reply created = scim.send("POST", "/Users", Fixtures.oktaUser("untyped@okta.local"), null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertScimError(scim.send("POST", "/Users", "not json", null), 400, "invalidSyntax");
  }

  @Test
  void readsAndDeletesNeedNoContentType() {
    String id = scim.post("/Users", Fixtures.oktaUser("reader@okta.local")).json().get("id").asText();
    Map<String, String> plain = Map.of("Content-Type", "text/plain");
    assertThat(scim.send("GET", "/Users/" + id, null, null, plain).status()).isEqualTo(200);
    assertThat(scim.send("DELETE", "/Users/" + id, null, null, plain).status()).isEqualTo(204);
  }
}
