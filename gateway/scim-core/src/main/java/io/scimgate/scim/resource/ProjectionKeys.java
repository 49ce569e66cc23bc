package io.scimgate.scim.resource;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterParser;
import io.scimgate.scim.filter.ResourceFilterMatcher;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comma-separated list of {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.4.2.5):
 * attribute paths, whole extension URNs, and value paths such as {@code emails[type eq "work"]} (Microsoft's SCIM
 * reference Postman collection sends them; the RFC's grammar for these parameters has only attribute paths).
 * Commas inside a value filter's brackets or strings do not separate entries. Unknown attributes are left out.
 */
final class ProjectionKeys {
  private ProjectionKeys() {}

  static List<ProjectionKey> resolve(ResourceType type, String list) {
    List<ProjectionKey> keys = new ArrayList<>();
    for (String raw : split(list)) {
      String text = raw.strip();
      if (text.isEmpty()) {
        continue;
      }
      Schema wholeExtension = type.extension(text);
      if (wholeExtension != null) {
        keys.add(new ProjectionKey(wholeExtension.id(), null, null));
        continue;
      }
      ProjectionKey key = text.indexOf('[') < 0 ? resolveOne(type, text) : resolveFiltered(type, text);
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The canonical key for one path, or {@code null} for attributes this resource type does not have. */
  private static ProjectionKey resolveOne(ResourceType type, String text) {
    AttributePath path = parsePath(text, text);
    Schema extension = path.schemaUrn() == null ? null : type.extension(path.schemaUrn());
    if (path.schemaUrn() != null && extension == null && !path.schemaUrn().equalsIgnoreCase(type.schema().id())) {
      return null;
    }
    AttributeDefinition definition = extension != null ? extension.attribute(path.attribute())
        : type.coreOrCommonAttribute(path.attribute());
    if (definition == null) {
      return path.attribute().equalsIgnoreCase("schemas") ? new ProjectionKey(null, "schemas", null) : null;
    }
    String sub = null;
    if (path.subAttribute() != null) {
      AttributeDefinition subDefinition = definition.subAttribute(path.subAttribute());
      if (subDefinition == null) {
        return null;
      }
      sub = subDefinition.name();
    }
    return new ProjectionKey(extension == null ? null : extension.id(), definition.name(), sub);
  }

  /** {@code emails[type eq "work"]} or {@code emails[type eq "work"].value}. */
  private static ProjectionKey resolveFiltered(ResourceType type, String text) {
    int open = text.indexOf('[');
    int close = text.lastIndexOf(']');
    String after = text.substring(close + 1).strip();
    if (close < open || (!after.isEmpty() && !after.startsWith("."))) {
      throw invalid(text, "a value path is attribute[filter] or attribute[filter].subAttribute");
    }
    ProjectionKey attribute = resolveOne(type, text.substring(0, open).strip());
    if (attribute == null) {
      return null;
    }
    if (attribute.subAttribute() != null || attribute.attribute() == null) {
      throw invalid(text, "a value filter follows an attribute, not a sub-attribute");
    }
    AttributeDefinition definition = definition(type, attribute);
    if (definition.subAttributes().isEmpty()) {
      throw invalid(text, "'" + definition.name() + "' has no sub-attributes to filter on");
    }
    Filter filter;
    try {
      filter = FilterParser.parse(text.substring(open + 1, close));
      ResourceFilterMatcher.checkElementFilter(filter, definition);
    } catch (ScimException e) {
      throw ScimException.invalidFilter("Invalid value filter in '" + text + "' (attributes/excludedAttributes): "
          + e.detail());
    }
    String sub = null;
    if (!after.isEmpty()) {
      AttributeDefinition subDefinition = definition.subAttribute(parsePath(after.substring(1), text).fullName());
      if (subDefinition == null) {
        return null;
      }
      sub = subDefinition.name();
    }
    return new ProjectionKey(attribute.container(), attribute.attribute(), sub, filter, definition);
  }

  private static AttributeDefinition definition(ResourceType type, ProjectionKey key) {
    return key.container() == null ? type.coreOrCommonAttribute(key.attribute())
        : type.extension(key.container()).attribute(key.attribute());
  }

  private static AttributePath parsePath(String path, String entry) {
    try {
      return AttributePath.parse(path);
    } catch (ScimException e) {
      throw invalid(entry, null);
    }
  }

  private static ScimException invalid(String entry, String why) {
    return ScimException.invalidValue("Invalid attribute path '" + entry + "' in attributes/excludedAttributes"
        + (why == null ? "" : ": " + why));
  }

  /** Splits on commas outside brackets and string literals. */
  static List<String> split(String list) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        parts.add(list.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(list.substring(start));
    return parts;
  }
}
