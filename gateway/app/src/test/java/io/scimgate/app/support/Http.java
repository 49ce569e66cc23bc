package io.scimgate.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP client for tests (never used on an event loop). */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;

  public Http(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  public String token() {
    return token;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Http withToken(String newToken) {
    return new Http(baseUrl, newToken);
  }

  /** A query parameter value, percent-encoded (spaces as %20, as IdPs send filters). */
  public static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  public Reply get(String path) {
    return send("GET", path, null, "application/scim+json");
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, "application/scim+json");
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json, "application/scim+json");
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json, "application/scim+json");
  }

  /** A PatchOp message with these operations (JSON objects). */
  public Reply patchOps(String path, String... operations) {
    return patch(path, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + String.join(",", operations) + "]}");
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, "application/scim+json");
  }

  public Reply send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, java.util.Map.of());
  }

  /** With extra request headers ({@code If-Match}, {@code Prefer}, ...). */
  public Reply send(String method, String path, String body, String contentType,
      java.util.Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      return new Reply(0, CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString())).withStatus();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
