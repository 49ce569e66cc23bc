package io.scimgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Reading path parameters, query parameters and JSON bodies, with clear errors for bad ones. */
public final class Params {
  private Params() {}

  /** A UUID path parameter; anything else cannot name a resource here, so it is a 404. */
  public static UUID uuidPath(RoutingContext ctx, String name, String what) {
    String value = ctx.pathParam(name);
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ScimException.notFound(what + " '" + value + "' not found");
    }
  }

  /** The id a path parameter names, or {@code null} when it is missing or not a UUID (so it names nothing). */
  public static UUID uuidOrNull(RoutingContext ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /** The parsed JSON body; missing or malformed bodies are 400 {@code invalidSyntax}. */
  public static JsonNode jsonBody(RoutingContext ctx) {
    RequestBody body = ctx.body();
    String text = body == null ? null : body.asString("UTF-8");
    if (text == null || text.isBlank()) {
      throw ScimException.invalidSyntax("A JSON request body is required");
    }
    return ScimJson.parse(text);
  }

  /** The parsed JSON body, or an empty object when there is none. */
  public static JsonNode jsonBodyOrEmpty(RoutingContext ctx) {
    RequestBody body = ctx.body();
    String text = body == null ? null : body.asString("UTF-8");
    return text == null || text.isBlank() ? ScimJson.object() : ScimJson.parse(text);
  }

  /** An optional integer query parameter; non-numbers are 400 {@code invalidValue}. */
  public static Integer intQuery(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ScimException.invalidValue("Query parameter '" + name + "' must be an integer, was '" + value + "'");
    }
  }

  /** An optional long query parameter; non-numbers are 400 {@code invalidValue}. */
  public static Long longQuery(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw ScimException.invalidValue("Query parameter '" + name + "' must be an integer, was '" + value + "'");
    }
  }

  public static int intQuery(RoutingContext ctx, String name, int fallback, int min, int max) {
    Integer value = intQuery(ctx, name);
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      throw ScimException.invalidValue("Query parameter '" + name + "' must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * An optional search text: stripped, {@code null} when absent or blank; longer than {@code maxLength} or
   * holding NUL (PostgreSQL text cannot) is a 400 {@code invalidValue}.
   */
  public static String searchQuery(RoutingContext ctx, String name, int maxLength) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    String search = value.strip();
    if (search.length() > maxLength) {
      throw ScimException.invalidValue("Query parameter '" + name + "' must be at most " + maxLength
          + " characters, was " + search.length());
    }
    if (search.indexOf('\u0000') >= 0) {
      throw ScimException.invalidValue("Query parameter '" + name + "' must not contain the NUL character");
    }
    return search;
  }
}
