package io.scimgate.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.Mutability;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a POST or PUT body into the document the gateway stores, strictly per RFC 7643/7644 (vendor leniency
 * belongs to the connectors, which run first).
 *
 * <ul>
 *   <li>Attribute names are matched case-insensitively and written with the schema's spelling.</li>
 *   <li>Read-only attributes ({@code id}, {@code meta}, {@code groups}, ...) are ignored, as RFC 7644 §3.3 asks.</li>
 *   <li>{@code null} means "no value" (RFC 7644 §3.5.1); unknown attributes and unknown extension URNs are
 *   ignored rather than stored.</li>
 *   <li>Write-only attributes ({@code password}) are accepted and dropped: never stored, never returned.</li>
 *   <li>Wrong JSON types, a missing required attribute or two {@code primary: true} values are 400
 *   {@code invalidValue}, naming the attribute.</li>
 * </ul>
 * The result has no {@code id} or {@code meta}; the store adds them.
 */
public final class ResourceValidator {
  private ResourceValidator() {}

  public static ObjectNode validate(ResourceType type, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ScimException.invalidSyntax("The request body must be a JSON object");
    }
    checkSchemas(type, body.get("schemas"));
    ObjectNode out = ScimJson.object();
    Set<String> schemas = new LinkedHashSet<>();
    schemas.add(type.schema().id());
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      Schema extension = type.extension(key);
      if (extension != null) {
        ObjectNode extensionValue = validateExtension(extension, value);
        if (extensionValue != null && !extensionValue.isEmpty()) {
          out.set(extension.id(), extensionValue);
          schemas.add(extension.id());
        }
      } else if (!key.equalsIgnoreCase("schemas")) {
        copyAttribute(type.coreOrCommonAttribute(key), value, "", out);
      }
    }
    requirePresent(type.schema(), out);
    ArrayNode schemaArray = ScimJson.MAPPER.createArrayNode();
    schemas.forEach(schemaArray::add);
    out.set("schemas", schemaArray);
    return out;
  }

  private static void checkSchemas(ResourceType type, JsonNode schemas) {
    if (schemas == null || schemas.isNull()) {
      return; // REQUIRED by RFC 7643 §3, but its absence is unambiguous at a typed endpoint
    }
    if (!schemas.isArray()) {
      throw ScimException.invalidValue("'schemas' must be an array of schema URIs");
    }
    for (JsonNode urn : schemas) {
      if (urn.isTextual() && urn.asText().equalsIgnoreCase(type.schema().id())) {
        return;
      }
    }
    throw ScimException.invalidValue("'schemas' must contain \"" + type.schema().id() + "\"");
  }

  private static ObjectNode validateExtension(Schema extension, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw ScimException.invalidValue("'" + extension.id() + "' must be a JSON object");
    }
    ObjectNode out = ScimJson.object();
    value.fields().forEachRemaining(field ->
        copyAttribute(extension.attribute(field.getKey()), field.getValue(), extension.id() + ":", out));
    return out;
  }

  /** Copies one attribute into {@code out} under its canonical name, if it is known, writable and not null. */
  private static void copyAttribute(AttributeDefinition definition, JsonNode value, String prefix, ObjectNode out) {
    if (definition == null || value == null || value.isNull() || definition.mutability() == Mutability.READ_ONLY
        || definition.mutability() == Mutability.WRITE_ONLY) {
      return;
    }
    JsonNode validated = AttributeValues.validate(definition, value, prefix + definition.name());
    if (validated != null) {
      out.set(definition.name(), validated);
    }
  }

  private static void requirePresent(Schema schema, ObjectNode out) {
    for (AttributeDefinition attribute : schema.attributes()) {
      if (attribute.required()) {
        JsonNode value = out.get(attribute.name());
        if (value == null || (value.isTextual() && value.asText().isBlank())) {
          throw ScimException.invalidValue("Attribute '" + attribute.name() + "' is required");
        }
      }
    }
  }
}
