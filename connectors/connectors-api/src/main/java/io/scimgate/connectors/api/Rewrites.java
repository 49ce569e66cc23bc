package io.scimgate.connectors.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Small in-place rewrites that several IdP dialects need. Each one <b>modifies the node it is given</b>: call it
 * on your own copy ({@code payload.deepCopy()}), never on a connector's argument. All are idempotent and
 * thread-safe (no state).
 */
public final class Rewrites {
  /** The boolean attributes of the core and enterprise schemas (RFC 7643 §4.1, §2.4 {@code primary}). */
  public static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("active", "primary");

  private Rewrites() {}

  /**
   * Replaces the strings {@code "True"} and {@code "False"} (any case) by JSON booleans wherever they are the
   * value of a field named in {@code names} (case-insensitively), at any depth. Other strings are left for the
   * core to reject.
   */
  public static void coerceBooleanStrings(JsonNode node, Set<String> names) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        BooleanNode coerced = isNamed(field.getKey(), names) ? booleanOf(field.getValue()) : null;
        if (coerced != null) {
          field.setValue(coerced);
        } else {
          coerceBooleanStrings(field.getValue(), names);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> coerceBooleanStrings(element, names));
    }
  }

  /** {@code true}/{@code false} for a {@code "True"}/{@code "False"} string in any case, else {@code null}. */
  public static BooleanNode booleanOf(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return null;
    }
    return switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
      case "true" -> BooleanNode.TRUE;
      case "false" -> BooleanNode.FALSE;
      default -> null;
    };
  }

  /** Removes every field whose value is JSON {@code null}, and {@code null} array elements, at any depth. */
  public static void removeNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(field -> field.getValue().isNull());
      object.forEach(Rewrites::removeNulls);
    } else if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (array.get(i).isNull()) {
          array.remove(i);
        }
      }
      array.forEach(Rewrites::removeNulls);
    }
  }

  /**
   * Removes blank strings, at any depth, and the objects that become empty because of it (an IdP template
   * placeholder left unset sends {@code ""}; "no value" is what it means). Arrays and objects that were empty to
   * begin with are kept: {@code "members": []} means something.
   */
  public static void removeBlankStrings(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(field -> isBlankOrEmptied(field.getValue()));
    } else if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (isBlankOrEmptied(array.get(i))) {
          array.remove(i);
        }
      }
    }
  }

  private static boolean isBlankOrEmptied(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().isBlank();
    }
    if (value.isContainerNode() && !value.isEmpty()) {
      removeBlankStrings(value);
      return value.isEmpty();
    }
    return false;
  }

  /**
   * Writes every operation's {@code op} in lower case and maps {@code delete} to {@code remove} (some clients
   * send it). Elements that are not objects are left for the core to reject.
   */
  public static void canonicalOps(ArrayNode operations) {
    for (JsonNode operation : operations) {
      if (operation instanceof ObjectNode object && object.path("op").isTextual()) {
        String op = object.get("op").asText().toLowerCase(Locale.ROOT);
        object.put("op", op.equals("delete") ? "remove" : op);
      }
    }
  }

  /**
   * The usual shape of a lenient {@code normalizePatch}, on a copy of {@code operations} (the argument is left
   * alone): {@code op} made canonical ({@link #canonicalOps}), {@code null}s inside values removed, {@code each}
   * applied to every operation object in order, then boolean strings coerced
   * ({@link #coerceBooleanStringsInPatch}) for {@link #BOOLEAN_ATTRIBUTES}.
   */
  public static ArrayNode lenientPatch(ArrayNode operations, Consumer<ObjectNode> each) {
    ArrayNode out = operations.deepCopy();
    canonicalOps(out);
    for (JsonNode operation : out) {
      if (operation instanceof ObjectNode object) {
        JsonNode value = object.get("value");
        if (value != null && value.isContainerNode()) {
          removeNulls(value);
        }
        each.accept(object);
      }
    }
    coerceBooleanStringsInPatch(out, BOOLEAN_ATTRIBUTES);
    return out;
  }

  /**
   * The last attribute name of a PATCH path: {@code primary} for {@code emails[type eq "work"].primary},
   * {@code manager} for {@code urn:...:User:manager}, {@code active} for {@code active}.
   */
  public static String lastAttribute(String path) {
    int bracket = path.lastIndexOf(']');
    String tail = bracket >= 0 ? path.substring(bracket + 1) : path;
    int cut = Math.max(tail.lastIndexOf('.'), tail.lastIndexOf(':'));
    String name = cut >= 0 ? tail.substring(cut + 1) : tail;
    int open = path.indexOf('[');
    // a ']' without a '[' before it is no value filter: the name is what there is (empty), never an exception
    return name.isEmpty() && bracket >= 0 && open >= 0 && open < bracket ? lastAttribute(path.substring(0, open))
        : name;
  }

  /**
   * Coerces boolean strings inside PATCH operations: the whole value when the path ends at a boolean attribute
   * ({@code "path":"active","value":"False"}), and named fields inside object or array values.
   */
  public static void coerceBooleanStringsInPatch(ArrayNode operations, Set<String> names) {
    for (JsonNode operation : operations) {
      if (!(operation instanceof ObjectNode object)) {
        continue;
      }
      JsonNode path = object.get("path");
      BooleanNode coerced = path != null && path.isTextual() && isNamed(lastAttribute(path.asText()), names)
          ? booleanOf(object.get("value")) : null;
      if (coerced != null) {
        object.set("value", coerced);
      } else {
        coerceBooleanStrings(object.get("value"), names);
      }
    }
  }

  private static boolean isNamed(String key, Set<String> names) {
    for (String name : names) {
      if (name.equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }
}
