package io.scimgate.app.support;

import java.util.Map;

/**
 * An admin API client whose every exchange is checked against the OpenAPI document ({@link AdminContract}):
 * paths are relative to {@code /admin/v1}, bodies are sent as {@code application/json}.
 */
public final class CheckedAdmin {
  private final Http http;
  private final AdminContract contract;
  private final Map<String, String> headers;

  public CheckedAdmin(Http http, AdminContract contract) {
    this(http, contract, Map.of());
  }

  private CheckedAdmin(Http http, AdminContract contract, Map<String, String> headers) {
    this.http = http;
    this.contract = contract;
    this.headers = headers;
  }

  /** The same client sending these request headers too (a session cookie, a CSRF token). */
  public CheckedAdmin withHeaders(Map<String, String> extra) {
    return new CheckedAdmin(http, contract, extra);
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, String body) {
    return send("POST", path, body);
  }

  public Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  public Reply patch(String path, String body) {
    return send("PATCH", path, body);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply send(String method, String path, String body) {
    Reply reply = http.send(method, "/admin/v1" + path, body, "application/json", headers);
    contract.check(method, path, body, reply);
    return reply;
  }
}
