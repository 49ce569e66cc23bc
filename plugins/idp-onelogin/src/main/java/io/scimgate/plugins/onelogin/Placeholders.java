package io.scimgate.plugins.onelogin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OneLogin's SCIM JSON template placeholders ({@code "{$user.firstname}"}, {@code "{$parameters.x}"}). One that
 * OneLogin could not fill arrives as an empty string, or, in templates with a typo, unexpanded: both are unset.
 */
final class Placeholders {
  private static final Pattern UNEXPANDED = Pattern.compile("\\{\\$[A-Za-z0-9_.]+}");

  private Placeholders() {}

  static boolean isUnset(JsonNode value) {
    return value.isTextual() && (value.asText().isBlank() || UNEXPANDED.matcher(value.asText().trim()).matches());
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
