package io.scimgate.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Returned;
import io.scimgate.scim.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code attributes} / {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5, §3.9) applied to a
 * rendered resource. Attributes with {@code returned: always} ({@code id}, {@code schemas}) are always kept.
 * Unknown attribute names are ignored. {@link #includes} tells the store whether to read an expensive
 * attribute at all (group members).
 */
public final class Projection {
  public static final Projection ALL = new Projection(null, null, List.of());

  /** A resolved path: {@code container} is null for core attributes, else the extension URN. */
  private record Key(String container, String attribute, String subAttribute) {}

  private final ResourceType type;
  private final List<Key> included; // null: everything by default
  private final List<Key> excluded;

  private Projection(ResourceType type, List<Key> included, List<Key> excluded) {
    this.type = type;
    this.included = included;
    this.excluded = excluded;
  }

  public static Projection of(ResourceType type, String attributes, String excludedAttributes) {
    List<Key> included = blank(attributes) ? null : resolve(type, attributes);
    List<Key> excluded = blank(excludedAttributes) ? List.of() : resolve(type, excludedAttributes);
    return new Projection(type, included, excluded);
  }

  /**
   * Whether the top-level core attribute {@code name} appears in the output: {@code returned: request}
   * attributes only when {@code attributes} names them.
   */
  public boolean includes(String name) {
    AttributeDefinition definition = type == null ? null : type.coreOrCommonAttribute(name);
    boolean onRequest = definition != null && definition.returned() == Returned.REQUEST;
    boolean named = included != null
        && included.stream().anyMatch(k -> k.container() == null && k.attribute().equals(name));
    boolean wanted = onRequest ? named : included == null || named;
    boolean dropped = excluded.stream()
        .anyMatch(k -> k.container() == null && k.attribute().equals(name) && k.subAttribute() == null);
    return wanted && !dropped;
  }

  public ObjectNode apply(ResourceType type, ObjectNode resource) {
    ObjectNode out = included == null ? resource.deepCopy() : pick(type, resource);
    for (Key key : excluded) {
      ObjectNode container = key.container() == null ? out : (ObjectNode) out.get(key.container());
      if (container == null || isAlwaysReturned(type, key)) {
        continue;
      }
      if (key.attribute() == null) {
        out.remove(key.container());
      } else if (key.subAttribute() == null) {
        container.remove(key.attribute());
      } else {
        removeSub(container.get(key.attribute()), key.subAttribute());
      }
    }
    return out;
  }

  private ObjectNode pick(ResourceType type, ObjectNode resource) {
    ObjectNode out = ScimJson.object();
    for (Map.Entry<String, JsonNode> field : iterable(resource)) {
      String name = field.getKey();
      AttributeDefinition definition = type.coreOrCommonAttribute(name);
      if (name.equals("schemas") || (definition != null && definition.returned() == Returned.ALWAYS)) {
        out.set(name, field.getValue());
      } else if (type.extension(name) != null) {
        ObjectNode picked = pickFrom(name, (ObjectNode) field.getValue());
        if (!picked.isEmpty()) {
          out.set(name, picked);
        }
      } else {
        copyWanted(null, name, field.getValue(), out);
      }
    }
    return out;
  }

  private ObjectNode pickFrom(String container, ObjectNode extension) {
    if (included.stream().anyMatch(k -> container.equals(k.container()) && k.attribute() == null)) {
      return extension.deepCopy();
    }
    ObjectNode out = ScimJson.object();
    iterable(extension).forEach(field -> copyWanted(container, field.getKey(), field.getValue(), out));
    return out;
  }

  private void copyWanted(String container, String name, JsonNode value, ObjectNode out) {
    List<String> subs = new ArrayList<>();
    for (Key key : included) {
      if (java.util.Objects.equals(container, key.container()) && name.equals(key.attribute())) {
        if (key.subAttribute() == null) {
          out.set(name, value.deepCopy());
          return;
        }
        subs.add(key.subAttribute());
      }
    }
    if (!subs.isEmpty()) {
      out.set(name, keepSubs(value, subs));
    }
  }

  private static JsonNode keepSubs(JsonNode value, List<String> subs) {
    if (value.isArray()) {
      ArrayNode array = ScimJson.MAPPER.createArrayNode();
      value.forEach(element -> array.add(keepSubs(element, subs)));
      return array;
    }
    if (!value.isObject()) {
      return value;
    }
    ObjectNode out = ScimJson.object();
    subs.forEach(sub -> {
      if (value.has(sub)) {
        out.set(sub, value.get(sub).deepCopy());
      }
    });
    return out;
  }

  private static void removeSub(JsonNode value, String sub) {
    if (value instanceof ObjectNode object) {
      object.remove(sub);
    } else if (value instanceof ArrayNode array) {
      array.forEach(element -> removeSub(element, sub));
    }
  }

  private static boolean isAlwaysReturned(ResourceType type, Key key) {
    if (key.container() != null || key.subAttribute() != null) {
      return false;
    }
    AttributeDefinition definition = type.coreOrCommonAttribute(key.attribute());
    return key.attribute().equals("schemas") || (definition != null && definition.returned() == Returned.ALWAYS);
  }

  private static List<Key> resolve(ResourceType type, String list) {
    List<Key> keys = new ArrayList<>();
    for (String raw : list.split(",")) {
      String text = raw.strip();
      if (text.isEmpty()) {
        continue;
      }
      Schema wholeExtension = type.extension(text);
      if (wholeExtension != null) {
        keys.add(new Key(wholeExtension.id(), null, null));
        continue;
      }
      Key key = resolveOne(type, text);
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The canonical key for one path, or {@code null} for attributes this resource type does not have. */
  private static Key resolveOne(ResourceType type, String text) {
    AttributePath path;
    try {
      path = AttributePath.parse(text);
    } catch (ScimException e) {
      throw ScimException.invalidValue("Invalid attribute path '" + text + "' in attributes/excludedAttributes");
    }
    Schema extension = path.schemaUrn() == null ? null : type.extension(path.schemaUrn());
    if (path.schemaUrn() != null && extension == null && !path.schemaUrn().equalsIgnoreCase(type.schema().id())) {
      return null;
    }
    AttributeDefinition definition = extension != null ? extension.attribute(path.attribute())
        : type.coreOrCommonAttribute(path.attribute());
    if (definition == null) {
      return path.attribute().equalsIgnoreCase("schemas") ? new Key(null, "schemas", null) : null;
    }
    String sub = null;
    if (path.subAttribute() != null) {
      AttributeDefinition subDefinition = definition.subAttribute(path.subAttribute());
      if (subDefinition == null) {
        return null;
      }
      sub = subDefinition.name();
    }
    return new Key(extension == null ? null : extension.id(), definition.name(), sub);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode node) {
    return node::fields;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
