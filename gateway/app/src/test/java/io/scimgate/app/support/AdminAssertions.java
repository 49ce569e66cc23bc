package io.scimgate.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on admin API errors: {@code {"status": n, "error": "...", "detail": "..."}} as application/json. */
public final class AdminAssertions {
  private AdminAssertions() {}

  /** An admin error with this status and {@code error} (the SCIM type, or the HTTP reason phrase); its detail. */
  public static String assertAdminError(Reply reply, int status, String error) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    JsonNode body = reply.json();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("detail").asText()).isNotBlank();
    return body.get("detail").asText();
  }
}
