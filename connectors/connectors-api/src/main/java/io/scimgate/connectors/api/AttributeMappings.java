package io.scimgate.connectors.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a connection's {@link ConnectionSettings#attributeMappings()} (source path to target path) to resources
 * and PATCH operations. A path is a SCIM attribute path, optionally URN-qualified and dotted:
 * {@code title}, {@code name.givenName}, {@code urn:acme:scim:User:dept}. Matching is case-insensitive.
 *
 * <p>Like {@link Rewrites}, the methods <b>modify the node they are given</b>; call them on your own copy.
 */
public final class AttributeMappings {
  private AttributeMappings() {}

  /** Moves each mapped source attribute of a User or Group body to its target, adding extension URNs to schemas. */
  public static void applyToResource(ObjectNode resource, Map<String, String> mappings) {
    mappings.forEach((source, target) -> {
      MappedPath from = MappedPath.parse(source);
      JsonNode value = from.take(resource);
      if (value != null) {
        MappedPath to = MappedPath.parse(target);
        to.put(resource, value);
        to.declareSchema(resource);
      }
    });
  }

  /**
   * Rewrites PATCH operations: a {@code path} equal to a source (or starting with {@code source[} or
   * {@code source.}) gets the target instead; in a path-less value object, mapped keys are moved the same way.
   */
  public static void applyToPatch(ArrayNode operations, Map<String, String> mappings) {
    for (JsonNode operation : operations) {
      if (!(operation instanceof ObjectNode object)) {
        continue;
      }
      JsonNode path = object.get("path");
      if (path != null && path.isTextual()) {
        object.put("path", mappedPath(path.asText(), mappings));
      } else if (object.get("value") instanceof ObjectNode values) {
        applyToValues(values, mappings);
      }
    }
  }

  private static String mappedPath(String path, Map<String, String> mappings) {
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      String source = mapping.getKey();
      if (path.regionMatches(true, 0, source, 0, source.length())
          && (path.length() == source.length() || "[.".indexOf(path.charAt(source.length())) >= 0)) {
        return mapping.getValue() + path.substring(source.length());
      }
    }
    return path;
  }

  /** A path-less value object: keys may be plain, dotted, URN-qualified, or a URN holding an object. */
  private static void applyToValues(ObjectNode values, Map<String, String> mappings) {
    mappings.forEach((source, target) -> {
      MappedPath from = MappedPath.parse(source);
      JsonNode value = from.takeFromPatchValue(values);
      if (value != null) {
        values.set(target, value);
      }
    });
  }

  /** {@code urn} (or {@code null} for core attributes) plus the dotted attribute names below it. */
  private record MappedPath(String urn, List<String> names) {

    static MappedPath parse(String path) {
      int colon = path.lastIndexOf(':');
      String urn = colon >= 0 ? path.substring(0, colon) : null;
      String attribute = colon >= 0 ? path.substring(colon + 1) : path;
      if (attribute.isBlank()) {
        throw ScimException.invalidValue("Attribute mapping '" + path + "' names no attribute");
      }
      return new MappedPath(urn, List.of(attribute.split("\\.")));
    }

    String qualified() {
      return (urn == null ? "" : urn + ":") + String.join(".", names);
    }

    /** Removes and returns the value at this path, or {@code null}. */
    JsonNode take(ObjectNode resource) {
      ObjectNode parent = parentOf(resource, false);
      String last = names.get(names.size() - 1);
      String key = parent == null ? null : fieldName(parent, last);
      return key == null ? null : parent.remove(key);
    }

    JsonNode takeFromPatchValue(ObjectNode values) {
      String key = fieldName(values, qualified());
      if (key != null) {
        return values.remove(key);
      }
      return urn != null || names.size() > 1 ? take(values) : null;
    }

    void put(ObjectNode resource, JsonNode value) {
      parentOf(resource, true).set(names.get(names.size() - 1), value);
    }

    void declareSchema(ObjectNode resource) {
      if (urn == null) {
        return;
      }
      ArrayNode schemas = resource.get("schemas") instanceof ArrayNode array ? array : resource.putArray("schemas");
      for (JsonNode schema : schemas) {
        if (schema.asText().equalsIgnoreCase(urn)) {
          return;
        }
      }
      schemas.add(urn);
    }

    private ObjectNode parentOf(ObjectNode resource, boolean create) {
      List<String> steps = new ArrayList<>();
      if (urn != null) {
        steps.add(urn);
      }
      steps.addAll(names.subList(0, names.size() - 1));
      ObjectNode current = resource;
      for (String step : steps) {
        String key = fieldName(current, step);
        JsonNode next = key == null ? null : current.get(key);
        if (next instanceof ObjectNode object) {
          current = object;
        } else if (create) {
          current = current.putObject(key == null ? step : key);
        } else {
          return null;
        }
      }
      return current;
    }

    private static String fieldName(ObjectNode object, String name) {
      for (String key : (Iterable<String>) object::fieldNames) {
        if (key.equalsIgnoreCase(name)) {
          return key;
        }
      }
      return null;
    }
  }
}
