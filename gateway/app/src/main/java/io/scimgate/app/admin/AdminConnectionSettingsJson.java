package io.scimgate.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.connection.AdminConnectionSettings;
import io.scimgate.persistence.connection.RateLimit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a connection's admin settings from a request body: {@code name}, {@code groupPrefix},
 * {@code attributeMappings} (an object of attribute path to attribute path), {@code rateLimit} and
 * {@code advertisePagination}. Absent fields keep {@code current}.
 */
final class AdminConnectionSettingsJson {
  static final int MAX_MAPPINGS = 100;
  static final int MAX_RATE = 100_000;
  static final int MAX_BURST = 1_000_000;
  private static final Pattern ATTRIBUTE_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9:._$-]{0,299}");

  private AdminConnectionSettingsJson() {}

  static AdminConnectionSettings read(JsonNode body, AdminConnectionSettings current) {
    String name = body.has("name") ? AdminJson.requiredText(body, "name", 200) : current.name();
    String prefix = body.has("groupPrefix") ? groupPrefix(body.get("groupPrefix")) : current.groupPrefix();
    Map<String, String> mappings = body.has("attributeMappings") ? mappings(body.get("attributeMappings"))
        : current.attributeMappings();
    RateLimit rateLimit = body.has("rateLimit") ? rateLimit(body.get("rateLimit")) : current.rateLimit();
    boolean pagination = body.has("advertisePagination") ? advertisePagination(body.get("advertisePagination"))
        : current.advertisePagination();
    if (name == null) {
      throw ScimException.invalidValue("'name' is required");
    }
    return new AdminConnectionSettings(name, prefix, mappings, rateLimit, pagination);
  }

  /**
   * Whether /ServiceProviderConfig carries RFC 9865 {@code pagination}. Off by default: UnboundID's SCIM 2 SDK
   * 4.x refuses the whole document with it; turn it on for clients that look for cursor paging there.
   */
  private static boolean advertisePagination(JsonNode value) {
    if (!value.isBoolean()) {
      throw ScimException.invalidValue("'advertisePagination' must be true or false");
    }
    return value.asBoolean();
  }

  /** {@code {"requestsPerSecond": 50, "burst": 100}} (burst defaults to the rate), or null: the default. */
  private static RateLimit rateLimit(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    JsonNode rate = value.path("requestsPerSecond");
    JsonNode burst = value.path("burst");
    if (!value.isObject() || !positiveInt(rate, MAX_RATE) || !(burst.isMissingNode() || positiveInt(burst, MAX_BURST))) {
      throw ScimException.invalidValue("'rateLimit' must be null (the default) or {\"requestsPerSecond\": 1 to "
          + MAX_RATE + ", \"burst\": 1 to " + MAX_BURST + "}");
    }
    return new RateLimit(rate.asInt(), burst.isMissingNode() ? rate.asInt() : burst.asInt());
  }

  private static boolean positiveInt(JsonNode value, int max) {
    return value.isIntegralNumber() && value.asLong() >= 1 && value.asLong() <= max;
  }

  private static String groupPrefix(JsonNode value) {
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 64) {
      throw ScimException.invalidValue("'groupPrefix' must be a non-blank string of at most 64 characters, "
          + "for example \"Acme HR - \"");
    }
    return value.asText();
  }

  private static Map<String, String> mappings(JsonNode value) {
    if (!value.isObject() || value.size() > MAX_MAPPINGS) {
      throw ScimException.invalidValue("'attributeMappings' must be an object of at most " + MAX_MAPPINGS
          + " entries, source attribute path to target attribute path");
    }
    Map<String, String> mappings = new LinkedHashMap<>();
    value.fields().forEachRemaining(entry -> {
      JsonNode target = entry.getValue();
      if (!ATTRIBUTE_PATH.matcher(entry.getKey()).matches() || !target.isTextual()
          || !ATTRIBUTE_PATH.matcher(target.asText()).matches() || entry.getKey().endsWith(":")
          || target.asText().endsWith(":")) {
        throw ScimException.invalidValue("'attributeMappings' entry '" + entry.getKey() + "' must map an attribute "
            + "path to an attribute path, e.g. \"urn:acme:scim:User:dept\": "
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\"");
      }
      mappings.put(entry.getKey(), target.asText());
    });
    return mappings;
  }
}
