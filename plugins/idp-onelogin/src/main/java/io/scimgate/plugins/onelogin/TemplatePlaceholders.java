package io.scimgate.plugins.onelogin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OneLogin's SCIM JSON template placeholders ({@code "{$user.firstname}"}, {@code "{$parameters.x}"}). One that
 * OneLogin could not fill arrives as an empty string, or, in templates with a typo, unexpanded: both are unset.
 */
final class TemplatePlaceholders {
  private static final Pattern UNEXPANDED = Pattern.compile("\\{\\$[A-Za-z0-9_.]+}");

  private TemplatePlaceholders() {}

  static boolean isUnset(JsonNode value) {
    return value.isTextual() && (value.asText().isBlank() || UNEXPANDED.matcher(value.asText().trim()).matches());
  }

  /** Multi-valued attributes whose elements mean nothing without a {@code value} (RFC 7643 §4.1.2, §4.2). */
  private static final Set<String> VALUED_ELEMENTS = Set.of("emails", "phonenumbers", "ims", "photos",
      "entitlements", "roles", "x509certificates", "members");

  /**
   * Drops elements of valued multi-valued attributes that have no {@code value} left ({@code {"type":"home"}}
   * after an unset {@code "{$user.home_email}"} was removed).
   */
  static void dropValuelessElements(ObjectNode resource) {
    resource.fields().forEachRemaining(field -> {
      if (VALUED_ELEMENTS.contains(field.getKey().toLowerCase(Locale.ROOT))
          && field.getValue() instanceof ArrayNode array) {
        for (int i = array.size() - 1; i >= 0; i--) {
          if (array.get(i) instanceof ObjectNode element && !element.has("value")) {
            array.remove(i);
          }
        }
      }
    });
  }

  /** Replaces unexpanded placeholders by empty strings, which {@code Rewrites.removeBlankStrings} then drops. */
  static void blankUnexpanded(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
        if (isUnset(field.getValue())) {
          field.setValue(TextNode.valueOf(""));
        } else {
          blankUnexpanded(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isUnset(array.get(i))) {
          array.set(i, TextNode.valueOf(""));
        } else {
          blankUnexpanded(array.get(i));
        }
      }
    }
  }
}
