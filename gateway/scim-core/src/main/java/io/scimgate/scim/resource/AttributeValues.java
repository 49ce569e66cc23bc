package io.scimgate.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.json.StorableText;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.InputLimits;
import io.scimgate.scim.schema.Mutability;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Type checks of single attribute values against their definition (RFC 7643 §2.3). */
final class AttributeValues {
  private AttributeValues() {}

  /** The value, canonicalised (sub-attribute names), or {@code null} when nothing is left to store. */
  static JsonNode validate(AttributeDefinition definition, JsonNode value, String path) {
    if (!definition.multiValued()) {
      return single(definition, value, path);
    }
    if (!value.isArray()) {
      throw ScimException.invalidValue("Attribute '" + path + "' is multi-valued and must be a JSON array");
    }
    if (value.size() > InputLimits.maxValues(path)) {
      throw ScimException.invalidValue("Attribute '" + path + "' has " + value.size() + " values; at most "
          + InputLimits.maxValues(path) + " are accepted");
    }
    ArrayNode out = ScimJson.MAPPER.createArrayNode();
    int primaries = 0;
    for (JsonNode element : value) {
      if (element.isNull()) {
        continue;
      }
      JsonNode validated = single(definition, element, path);
      if (validated != null && validated.path("primary").asBoolean(false)) {
        primaries++;
      }
      if (validated != null) {
        out.add(validated);
      }
    }
    if (primaries > 1) {
      throw ScimException.invalidValue("Attribute '" + path + "' has more than one value with primary=true");
    }
    return out;
  }

  private static JsonNode single(AttributeDefinition definition, JsonNode value, String path) {
    boolean ok = switch (definition.type()) {
      case STRING, REFERENCE, BINARY -> value.isTextual();
      case BOOLEAN -> value.isBoolean();
      case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
      case DECIMAL -> value.isNumber();
      case DATE_TIME -> value.isTextual() && isDateTime(value.asText());
      case COMPLEX -> value.isObject();
    };
    if (!ok) {
      throw ScimException.invalidValue("Attribute '" + path + "' must be "
          + article(definition.type().scimName()) + (definition.multiValued() ? " in each array element" : ""));
    }
    if (value.isTextual()) {
      checkText(value.asText(), path);
    }
    return definition.subAttributes().isEmpty() ? value : complex(definition, (ObjectNode) value, path);
  }

  private static void checkText(String text, String path) {
    String unstorable = StorableText.problem(text);
    if (unstorable != null) {
      throw ScimException.invalidValue("Attribute '" + path + "' " + unstorable);
    }
    if (InputLimits.tooLong(text, InputLimits.maxLength(path))) {
      throw ScimException.invalidValue("Attribute '" + path + "' is longer than " + InputLimits.maxLength(path)
          + " characters (the limit; see /Schemas)");
    }
  }

  private static ObjectNode complex(AttributeDefinition definition, ObjectNode value, String path) {
    ObjectNode out = ScimJson.object();
    value.fields().forEachRemaining(field -> {
      AttributeDefinition sub = definition.subAttribute(field.getKey());
      JsonNode subValue = field.getValue();
      if (sub != null && !subValue.isNull() && sub.mutability() != Mutability.READ_ONLY) {
        out.set(sub.name(), single(sub, subValue, path + "." + sub.name()));
      }
    });
    return out.isEmpty() ? null : out;
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String article(String typeName) {
    return switch (typeName) {
      case "integer" -> "an integer";
      case "complex" -> "a JSON object";
      case "reference" -> "a reference (a string)";
      case "binary" -> "a base64 string";
      case "dateTime" -> "a dateTime (xsd:dateTime, e.g. 2026-01-31T12:00:00Z)";
      default -> "a " + typeName;
    };
  }
}
