package io.scimgate.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The admin API's OpenAPI document (the resource the gateway serves), loaded by vertx-openapi, which checks it
 * is a valid OpenAPI 3.1 document, and used to validate real exchanges: the operation must be documented, the
 * status listed for it, the body valid against the schema of that status, and the request body of an accepted
 * request valid against the documented request schema.
 */
public final class AdminContract {
  public static final String RESOURCE = "admin-api/openapi.json";
  private static final String BASE_PATH = "/admin/v1";

  private final OpenAPIContract contract;
  private final ResponseValidator responses;
  private final Set<String> exercised = new TreeSet<>();

  private AdminContract(Vertx vertx, OpenAPIContract contract) {
    this.contract = contract;
    this.responses = ResponseValidator.create(vertx, contract);
  }

  public static AdminContract load(Vertx vertx) {
    // the document names its server relative to where it is served ("/admin/v1", right for every deployment);
    // vertx-openapi accepts only absolute server URLs, so it is handed one with the same base path
    JsonObject absolute = document().put("servers", new JsonArray().add(new JsonObject()
        .put("url", "http://localhost" + BASE_PATH)));
    try {
      return new AdminContract(vertx, OpenAPIContract.from(vertx, absolute).await(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new AssertionError("The admin API's OpenAPI document is not a valid OpenAPI 3.1 document: " + e, e);
    }
  }

  /** The document as the gateway's jar holds it. */
  public static JsonObject document() {
    try (InputStream in = AdminContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code "METHOD /path"} of every documented operation, as {@link AdminRoutes#registered} writes routes. */
  public Set<String> documentedRoutes() {
    Set<String> routes = new TreeSet<>();
    contract.operations().forEach(op -> routes.add(op.getHttpMethod().name() + " " + op.getOpenAPIPath()));
    return routes;
  }

  /** {@code operationId status} of every exchange checked so far with a status below 500. */
  public Set<String> exercised() {
    return exercised;
  }

  /** The documented operation ids. */
  public Set<String> operationIds() {
    Set<String> ids = new TreeSet<>();
    contract.operations().forEach(op -> ids.add(op.getOperationId()));
    return ids;
  }

  /** Fails (with what was sent and what came back) unless the exchange is exactly as documented. */
  public void check(String method, String path, String requestBody, Reply reply) {
    String exchange = method + " " + path + " -> " + reply;
    String urlPath = URI.create(path).getRawPath();
    Operation operation = contract.findOperation(BASE_PATH + urlPath, HttpMethod.valueOf(method));
    assertThat(operation).as("documented: " + method + " " + urlPath).isNotNull();
    if (reply.status() >= 500) {
      return; // the default response: unexpected failures are not part of any session's expectations
    }
    assertThat(operation.getResponse(reply.status())).as("status " + reply.status() + " documented for "
        + operation.getOperationId() + ": " + exchange).isNotNull();
    validateResponse(operation, reply, exchange);
    if (reply.status() < 300 && requestBody != null) {
      validateRequest(operation, requestBody, exchange);
    }
    exercised.add(operation.getOperationId() + " " + reply.status());
  }

  private void validateResponse(Operation operation, Reply reply, String exchange) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    // vertx-openapi reads a header value as JSON, else as the text of a JSON string; a value holding quotes
    // (WWW-Authenticate's realm) is neither, so it is handed over as a JSON string already
    reply.raw().headers().map().forEach((name, values) -> headers.put(name,
        values.get(0).indexOf('"') >= 0 ? Json.encode(values.get(0)) : values.get(0)));
    String contentType = reply.header("Content-Type");
    ValidatableResponse response = ValidatableResponse.create(reply.status(), headers,
        reply.body() == null || reply.body().isEmpty() ? null : Buffer.buffer(reply.body()),
        contentType == null ? null : contentType.split(";")[0].strip());
    try {
      responses.validate(response, operation.getOperationId()).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("The answer does not match the document (" + operation.getOperationId() + "): "
          + describe(e) + "\n  exchange: " + exchange, e);
    }
  }

  private void validateRequest(Operation operation, String requestBody, String exchange) {
    assertThat(operation.getRequestBody()).as("request body documented for " + operation.getOperationId())
        .isNotNull();
    MediaType json = operation.getRequestBody().getContent().get("application/json");
    OutputUnit result = contract.getSchemaRepository().validator(json.getSchema())
        .validate(Json.decodeValue(requestBody));
    assertThat(result.getValid()).as("an accepted request body matches the document ("
        + operation.getOperationId() + "): " + result.getErrors() + "\n  exchange: " + exchange + "\n  body: "
        + requestBody).isTrue();
  }

  private static String describe(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof SchemaValidationException)) {
      cause = cause.getCause();
    }
    if (cause instanceof SchemaValidationException invalid && invalid.getOutputUnit() != null) {
      return invalid.getMessage() + " " + invalid.getOutputUnit().getErrors();
    }
    return cause.toString();
  }
}
