package io.scimgate.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.scim.json.ScimJson;
import java.net.http.HttpResponse;

/** An HTTP response as tests see it: status, headers, and the body parsed as JSON when there is one. */
public record Reply(int status, HttpResponse<String> raw) {

  Reply withStatus() {
    return new Reply(raw.statusCode(), raw);
  }

  public JsonNode json() {
    return raw.body() == null || raw.body().isEmpty() ? null : ScimJson.parse(raw.body());
  }

  public String header(String name) {
    return raw.headers().firstValue(name).orElse(null);
  }

  public String body() {
    return raw.body();
  }

  @Override
  public String toString() {
    return status + " " + raw.body();
  }
}
