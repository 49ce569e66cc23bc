package io.scimgate.benchmarks.load;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Timed SCIM requests of one connection, as an IdP sends them. Unexpected statuses are recorded, not thrown. */
final class Scim {
  static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";

  private final WebClient client;
  private final Recorder recorder;
  private final String host;
  private final int port;
  private final String basePath;
  private final String authorization;

  Scim(WebClient client, Recorder recorder, String baseUrl, String token) {
    URI uri = URI.create(baseUrl);
    this.client = client;
    this.recorder = recorder;
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.basePath = uri.getPath();
    this.authorization = "Bearer " + token;
  }

  Future<JsonObject> get(String kind, String path) {
    return send(kind, HttpMethod.GET, path, null);
  }

  Future<JsonObject> post(String kind, String path, String body) {
    return send(kind, HttpMethod.POST, path, body);
  }

  Future<JsonObject> patch(String kind, String path, String operations) {
    return send(kind, HttpMethod.PATCH, path, PATCH_OP + operations + "]}");
  }

  static String filter(String attribute, String value) {
    return "filter=" + URLEncoder.encode(attribute + " eq \"" + value + "\"", StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** The parsed body on 2xx (an empty object for 204), {@code null} otherwise. */
  private Future<JsonObject> send(String kind, HttpMethod method, String path, String body) {
    long start = System.nanoTime();
    var request = client.request(method, port, host, basePath + path).putHeader("Authorization", authorization);
    Future<HttpResponse<Buffer>> response = body == null ? request.send()
        : request.putHeader("Content-Type", "application/scim+json").sendBuffer(Buffer.buffer(body));
    return response.map(reply -> {
      recorder.request(kind, reply.statusCode(), System.nanoTime() - start);
      if (reply.statusCode() >= 300) {
        return null;
      }
      return reply.body() == null || reply.body().length() == 0 ? new JsonObject() : reply.bodyAsJsonObject();
    }).recover(failure -> {
      recorder.request(kind, 599, System.nanoTime() - start);
      return Future.succeededFuture(null);
    });
  }
}
