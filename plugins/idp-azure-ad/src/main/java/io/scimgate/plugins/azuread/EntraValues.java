package io.scimgate.plugins.azuread;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.api.Rewrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The value rewrites behind {@link AzureAdConnector}: manager, roles, URN typos, boolean literals in paths. */
final class EntraValues {
  static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String ENTERPRISE_TYPO = "urn:ietf:params:scim:schemas:extension:enterprise:2.0User";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Only for reading role values; an ObjectMapper is thread-safe once configured. */
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern BOOLEAN_LITERAL =
      Pattern.compile("(?i)\\b(active|primary)(\\s+(?:eq|ne)\\s+)\"(true|false)\"");

  private EntraValues() {}

  /** {@code "271"} or {@code ["271"]} or {@code [{"value":"271"}]} to {@code {"value":"271"}} (E7). */
  static JsonNode manager(JsonNode manager) {
    JsonNode single = manager.isArray() && manager.size() == 1 ? manager.get(0) : manager;
    if (single.isTextual() || single.isNumber()) {
      return JSON.objectNode().put("value", single.asText());
    }
    return single;
  }

  /** Role elements whose {@code value} (or the element itself) is a JSON object written as a string (E8). */
  static JsonNode roles(JsonNode roles) {
    if (!roles.isArray()) {
      return roles;
    }
    ArrayNode out = JSON.arrayNode();
    roles.forEach(role -> out.add(role(role)));
    return out;
  }

  private static JsonNode role(JsonNode role) {
    if (role.isTextual()) {
      ObjectNode parsed = jsonObject(role.asText());
      return parsed != null ? fromAppRole(parsed) : JSON.objectNode().put("value", role.asText());
    }
    if (role instanceof ObjectNode object && object.path("value").isTextual()) {
      ObjectNode parsed = jsonObject(object.get("value").asText());
      if (parsed != null) {
        ObjectNode out = object.deepCopy();
        out.setAll(fromAppRole(parsed));
        return out;
      }
    }
    return role;
  }

  /** Entra's app role {@code {"id", "value", "displayName"}} as a SCIM role {@code {value, display}}. */
  private static ObjectNode fromAppRole(ObjectNode appRole) {
    ObjectNode out = JSON.objectNode();
    JsonNode value = appRole.hasNonNull("value") ? appRole.get("value") : appRole.get("id");
    if (value != null && value.isValueNode()) {
      out.put("value", value.asText());
    }
    if (appRole.path("displayName").isTextual()) {
      out.put("display", appRole.get("displayName").asText());
    }
    for (String kept : List.of("type", "primary")) {
      if (appRole.hasNonNull(kept)) {
        out.set(kept, appRole.get(kept));
      }
    }
    return out;
  }

  private static ObjectNode jsonObject(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return MAPPER.readTree(trimmed) instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null; // not JSON after all: an ordinary role value that starts with a brace
    }
  }

  /** Moves attributes filed under Microsoft's mistyped enterprise URN to the real one. */
  static void repairEnterpriseUrn(ObjectNode resource) {
    JsonNode typo = resource.remove(ENTERPRISE_TYPO);
    if (typo instanceof ObjectNode attributes) {
      JsonNode existing = resource.get(ENTERPRISE_URN);
      ObjectNode target = existing instanceof ObjectNode object ? object : resource.putObject(ENTERPRISE_URN);
      attributes.fields().forEachRemaining(field -> target.putIfAbsent(field.getKey(), field.getValue()));
    }
    if (resource.get("schemas") instanceof ArrayNode schemas) {
      for (int i = 0; i < schemas.size(); i++) {
        if (schemas.get(i).asText().equalsIgnoreCase(ENTERPRISE_TYPO)) {
          schemas.set(i, JSON.textNode(ENTERPRISE_URN));
        }
      }
    }
  }

  /** A PATCH path in RFC form: the bare {@code manager} is the enterprise one; boolean filter literals. */
  static String path(ResourceKind kind, String path) {
    String trimmed = path.trim();
    if (kind == ResourceKind.USER && trimmed.equalsIgnoreCase("manager")) {
      return ENTERPRISE_URN + ":manager";
    }
    if (trimmed.regionMatches(true, 0, ENTERPRISE_TYPO + ":", 0, ENTERPRISE_TYPO.length() + 1)) {
      return ENTERPRISE_URN + trimmed.substring(ENTERPRISE_TYPO.length());
    }
    return booleanLiterals(trimmed);
  }

  /** {@code primary eq "True"} to {@code primary eq true}: Entra quotes booleans in value filters too. */
  static String booleanLiterals(String filter) {
    return BOOLEAN_LITERAL.matcher(filter).replaceAll(m -> m.group(1) + m.group(2) + m.group(3).toLowerCase());
  }

  /** The value of a user PATCH operation with a path, given that path. */
  static JsonNode valueAtPath(String path, JsonNode value) {
    String attribute = Rewrites.lastAttribute(path);
    if (attribute.equalsIgnoreCase("manager") && !path.contains("[")) {
      return manager(value);
    }
    if (path.regionMatches(true, 0, "roles", 0, 5)) {
      return path.length() == 5 ? roles(value) : roleValue(value);
    }
    return value;
  }

  private static JsonNode roleValue(JsonNode value) {
    ObjectNode parsed = value.isTextual() ? jsonObject(value.asText()) : null;
    return parsed == null ? value : fromAppRole(parsed).path("value");
  }

  /** Keys of a path-less value object: {@code manager} (bare, URN-qualified or in the extension), roles. */
  static void pathlessValues(ObjectNode values) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    values.fields().forEachRemaining(fields::add);
    for (Map.Entry<String, JsonNode> field : fields) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equalsIgnoreCase(ENTERPRISE_URN) && value instanceof ObjectNode enterprise
          && enterprise.has("manager")) {
        enterprise.set("manager", manager(enterprise.get("manager")));
      } else if (key.equalsIgnoreCase("manager")) {
        values.remove(key);
        values.set(ENTERPRISE_URN + ":manager", manager(value));
      } else if (key.equalsIgnoreCase(ENTERPRISE_URN + ":manager")) {
        values.set(key, manager(value));
      } else if (key.equalsIgnoreCase("roles")) {
        values.set(key, roles(value));
      }
    }
  }
}
