package io.scimgate.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Returned;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code attributes} / {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5, §3.9) applied to a
 * rendered resource. Attributes with {@code returned: always} ({@code id}, {@code schemas}) are always kept.
 * Unknown attribute names are ignored. A value path ({@code emails[type eq "work"]}) keeps, or excludes, only
 * the values its filter matches. {@link #includes} tells the store whether to read an expensive attribute at
 * all (group members).
 */
public final class Projection {
  public static final Projection ALL = new Projection(null, null, List.of());

  private final ResourceType type;
  private final List<ProjectionKey> included; // null: everything by default
  private final List<ProjectionKey> excluded;

  private Projection(ResourceType type, List<ProjectionKey> included, List<ProjectionKey> excluded) {
    this.type = type;
    this.included = included;
    this.excluded = excluded;
  }

  public static Projection of(ResourceType type, String attributes, String excludedAttributes) {
    List<ProjectionKey> included = blank(attributes) ? null : ProjectionKeys.resolve(type, attributes);
    List<ProjectionKey> excluded = blank(excludedAttributes) ? List.of()
        : ProjectionKeys.resolve(type, excludedAttributes);
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
        && included.stream().anyMatch(k -> k.container() == null && name.equals(k.attribute()));
    boolean wanted = onRequest ? named : included == null || named;
    boolean dropped = excluded.stream()
        .anyMatch(k -> k.container() == null && name.equals(k.attribute()) && k.whole());
    return wanted && !dropped;
  }

  /**
   * Whether the values of the multi-valued core attribute {@code name} are projected each on its own, so that a
   * long attribute can be projected (and sent) a few values at a time with the same result: not when
   * {@code attributes} names it with a value filter ({@code members[type eq "Group"]}), since the attribute itself
   * is then left out when no value matches. Filters in {@code excludedAttributes} act on each value alone.
   */
  public boolean projectsValuesApart(String name) {
    return included == null
        || included.stream().noneMatch(k -> k.container() == null && name.equals(k.attribute()) && k.filter() != null);
  }

  /** Neither {@code attributes} nor {@code excludedAttributes}: {@link #apply} gives a copy of its input. */
  public boolean keepsEverything() {
    return included == null && excluded.isEmpty();
  }

  public ObjectNode apply(ResourceType type, ObjectNode resource) {
    ObjectNode out = included == null ? resource.deepCopy() : pick(type, resource);
    for (ProjectionKey key : excluded) {
      ObjectNode container = key.container() == null ? out : (ObjectNode) out.get(key.container());
      if (container == null || isAlwaysReturned(type, key)) {
        continue;
      }
      if (key.attribute() == null) {
        out.remove(key.container());
      } else if (key.filter() != null) {
        removeMatching(container, key);
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
    List<ProjectionKey> keys = included.stream()
        .filter(k -> Objects.equals(container, k.container()) && name.equals(k.attribute())).toList();
    if (keys.stream().anyMatch(ProjectionKey::whole)) {
      out.set(name, value.deepCopy());
    } else if (!keys.isEmpty()) {
      JsonNode kept = keep(value, keys);
      if (kept != null) {
        out.set(name, kept);
      }
    }
  }

  /** The values (of a multi-valued attribute) or the value some key names, with the sub-attributes it names. */
  private static JsonNode keep(JsonNode value, List<ProjectionKey> keys) {
    if (!value.isArray()) {
      return keepElement(value, keys);
    }
    ArrayNode array = ScimJson.MAPPER.createArrayNode();
    value.forEach(element -> {
      JsonNode kept = keepElement(element, keys);
      if (kept != null) {
        array.add(kept);
      }
    });
    boolean filtered = keys.stream().allMatch(k -> k.filter() != null);
    return filtered && array.isEmpty() ? null : array;
  }

  private static JsonNode keepElement(JsonNode element, List<ProjectionKey> keys) {
    List<ProjectionKey> applying = keys.stream().filter(k -> k.appliesTo(element)).toList();
    if (applying.isEmpty()) {
      return null;
    }
    if (applying.stream().anyMatch(k -> k.subAttribute() == null) || !element.isObject()) {
      return element.deepCopy();
    }
    ObjectNode out = ScimJson.object();
    applying.forEach(key -> {
      if (element.has(key.subAttribute())) {
        out.set(key.subAttribute(), element.get(key.subAttribute()).deepCopy());
      }
    });
    return out;
  }

  /** {@code excludedAttributes=emails[type eq "home"]}: those values go (or their named sub-attribute). */
  private static void removeMatching(ObjectNode container, ProjectionKey key) {
    JsonNode value = container.get(key.attribute());
    if (value == null) {
      return;
    }
    if (!value.isArray()) {
      if (key.appliesTo(value)) {
        if (key.subAttribute() == null) {
          container.remove(key.attribute());
        } else {
          removeSub(value, key.subAttribute());
        }
      }
      return;
    }
    ArrayNode array = (ArrayNode) value;
    for (int i = array.size() - 1; i >= 0; i--) {
      if (key.appliesTo(array.get(i))) {
        if (key.subAttribute() == null) {
          array.remove(i);
        } else {
          removeSub(array.get(i), key.subAttribute());
        }
      }
    }
  }

  private static void removeSub(JsonNode value, String sub) {
    if (value instanceof ObjectNode object) {
      object.remove(sub);
    } else if (value instanceof ArrayNode array) {
      array.forEach(element -> removeSub(element, sub));
    }
  }

  private static boolean isAlwaysReturned(ResourceType type, ProjectionKey key) {
    if (key.container() != null || !key.whole()) {
      return false;
    }
    AttributeDefinition definition = type.coreOrCommonAttribute(key.attribute());
    return key.attribute().equals("schemas") || (definition != null && definition.returned() == Returned.ALWAYS);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode node) {
    return node::fields;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
