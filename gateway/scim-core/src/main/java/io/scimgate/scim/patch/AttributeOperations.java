package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.connectors.api.ScimType;
import io.scimgate.scim.filter.CompareOperator;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.ResourceFilterMatcher;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.AttributeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * add / replace / remove on one attribute of a document (RFC 7644 §3.5.2.1-3). Type checks happen afterwards,
 * when the whole result is validated; here only the shape of the target matters.
 */
final class AttributeOperations {
  private AttributeOperations() {}

  static void add(ObjectNode container, PatchTarget target, JsonNode value) {
    AttributeDefinition definition = target.definition();
    String name = definition.name();
    if (target.filter() != null) {
      setOnMatches(container, target, value, true);
    } else if (target.sub() != null) {
      complexFor(container, target).set(target.sub().name(), value);
    } else if (definition.multiValued()) {
      ArrayNode array = arrayFor(container, name);
      List<JsonNode> added = new ArrayList<>();
      for (JsonNode element : asArray(value)) {
        if (!contains(array, element)) {
          array.add(element);
          added.add(element);
        }
      }
      keepOnePrimary(array, added);
    } else if (!definition.subAttributes().isEmpty() && value.isObject() && container.get(name) instanceof ObjectNode) {
      ((ObjectNode) container.get(name)).setAll((ObjectNode) value);
    } else {
      container.set(name, value);
    }
  }

  static void replace(ObjectNode container, PatchTarget target, JsonNode value) {
    AttributeDefinition definition = target.definition();
    String name = definition.name();
    if (target.filter() != null) {
      setOnMatches(container, target, value, target.sub() != null);
    } else if (target.sub() != null) {
      complexFor(container, target).set(target.sub().name(), value);
    } else if (definition.multiValued()) {
      ArrayNode array = ScimJson.MAPPER.createArrayNode();
      asArray(value).forEach(array::add);
      container.set(name, array);
    } else if (!definition.subAttributes().isEmpty() && value.isObject() && container.get(name) instanceof ObjectNode) {
      ((ObjectNode) container.get(name)).setAll((ObjectNode) value); // RFC 7644 §3.5.2.3: sub-attributes merge
    } else {
      container.set(name, value);
    }
  }

  static void remove(ObjectNode container, PatchTarget target, JsonNode value) {
    String name = target.definition().name();
    JsonNode current = container.get(name);
    if (current == null) {
      return;
    }
    if (target.filter() == null && target.sub() == null && value == null) {
      container.remove(name);
      return;
    }
    if (!current.isArray()) {
      if (target.sub() == null) {
        container.remove(name);
      } else if (current instanceof ObjectNode object) {
        object.remove(target.sub().name());
        if (object.isEmpty()) {
          container.remove(name);
        }
      }
      return;
    }
    ArrayNode array = (ArrayNode) current;
    for (int i = array.size() - 1; i >= 0; i--) {
      JsonNode element = array.get(i);
      boolean selected = target.filter() != null ? ResourceFilterMatcher.matchesElement(target.filter(), element,
          target.definition()) : target.sub() != null || listedIn(value, element);
      if (selected && target.sub() != null && element instanceof ObjectNode object) {
        object.remove(target.sub().name());
      } else if (selected && target.sub() == null) {
        array.remove(i);
      }
    }
    if (array.isEmpty()) {
      container.remove(name);
    }
  }

  /**
   * Writes {@code value} into the elements the value filter selects: their sub-attribute, or the whole element.
   * When none matches and a sub-attribute is targeted, a new element is created from the filter's
   * {@code eq} terms: {@code emails[type eq "work"].value} on a user without a work e-mail adds one (what
   * Entra ID expects, and UnboundID's default); without a sub-attribute that is 400 {@code noTarget}.
   */
  private static void setOnMatches(ObjectNode container, PatchTarget target, JsonNode value, boolean createIfNone) {
    ArrayNode array = arrayFor(container, target.definition().name());
    List<JsonNode> written = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      if (!ResourceFilterMatcher.matchesElement(target.filter(), element, target.definition())) {
        continue;
      }
      if (target.sub() != null && element instanceof ObjectNode object) {
        object.set(target.sub().name(), value);
        written.add(object);
      } else if (target.sub() == null) {
        array.set(i, value);
        written.add(value);
      }
    }
    if (written.isEmpty()) {
      if (!createIfNone || target.sub() == null) {
        throw ScimException.of(400, ScimType.NO_TARGET,
            "No value of '" + target.definition().name() + "' matches the filter");
      }
      ObjectNode created = seed(target.filter());
      created.set(target.sub().name(), value);
      array.add(created);
      written.add(created);
    }
    keepOnePrimary(array, written);
    if (array.isEmpty()) {
      container.remove(target.definition().name());
    }
  }

  /** An element built from the filter's {@code eq} terms joined by {@code and}; anything else cannot seed one. */
  private static ObjectNode seed(Filter filter) {
    ObjectNode element = ScimJson.object();
    List<Filter> terms = new ArrayList<>();
    flattenAnd(filter, terms);
    for (Filter term : terms) {
      if (!(term instanceof Filter.Comparison comparison) || comparison.op() != CompareOperator.EQ) {
        throw ScimException.of(400, ScimType.NO_TARGET, "No value matches the filter, and a new one can be made "
            + "only from 'eq' terms joined with 'and'");
      }
      element.set(comparison.path().attribute(), comparison.value());
    }
    return element;
  }

  private static void flattenAnd(Filter filter, List<Filter> into) {
    if (filter instanceof Filter.And and) {
      flattenAnd(and.left(), into);
      flattenAnd(and.right(), into);
    } else {
      into.add(filter);
    }
  }

  /** RFC 7643 §2.4: at most one {@code primary: true}; the value just written wins. */
  private static void keepOnePrimary(ArrayNode array, List<JsonNode> written) {
    boolean newPrimary = written.stream().anyMatch(element -> element.path("primary").asBoolean(false));
    if (!newPrimary) {
      return;
    }
    JsonNode winner = written.stream().filter(element -> element.path("primary").asBoolean(false))
        .reduce((first, second) -> second).orElseThrow();
    for (JsonNode element : array) {
      if (element != winner && element instanceof ObjectNode object && object.path("primary").asBoolean(false)) {
        object.remove("primary");
      }
    }
  }

  private static boolean listedIn(JsonNode values, JsonNode element) {
    for (JsonNode listed : asArray(values)) {
      if (listed.equals(element) || (listed.has("value") && listed.get("value").equals(element.get("value")))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(ArrayNode array, JsonNode element) {
    for (JsonNode existing : array) {
      if (existing.equals(element)) {
        return true;
      }
    }
    return false;
  }

  private static Iterable<JsonNode> asArray(JsonNode value) {
    return value != null && value.isArray() ? value : value == null ? List.of() : List.of(value);
  }

  private static ArrayNode arrayFor(ObjectNode container, String name) {
    return container.get(name) instanceof ArrayNode array ? array : container.putArray(name);
  }

  private static ObjectNode complexFor(ObjectNode container, PatchTarget target) {
    if (target.definition().multiValued()) {
      throw PatchTarget.invalidPath("Select values of '" + target.definition().name() + "' with a filter, e.g. "
          + target.definition().name() + "[type eq \"work\"]." + target.sub().name());
    }
    return container.get(target.definition().name()) instanceof ObjectNode object ? object
        : container.putObject(target.definition().name());
  }
}
