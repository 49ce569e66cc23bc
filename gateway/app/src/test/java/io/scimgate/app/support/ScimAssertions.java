package io.scimgate.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on SCIM responses. */
public final class ScimAssertions {
  private ScimAssertions() {}

  /** An RFC 7644 §3.12 error: status (also as a string in the body), scimType (or none), a detail. */
  public static void assertScimError(Reply reply, int status, String scimType) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/scim+json");
    JsonNode error = reply.json();
    assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(error.get("status").isTextual()).isTrue();
    assertThat(error.get("status").asText()).isEqualTo(Integer.toString(status));
    assertThat(error.get("detail").asText()).isNotBlank();
    if (scimType == null) {
      assertThat(error.has("scimType")).isFalse();
    } else {
      assertThat(error.get("scimType").asText()).isEqualTo(scimType);
    }
  }
}
