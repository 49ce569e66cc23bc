package io.scimgate.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code bulkId:<id>} references (RFC 7644 §3.7.2): a string value (a member's {@code value}, say) or a path
 * segment naming a resource that another operation of the same request creates.
 */
public final class BulkIds {
  static final String PREFIX = "bulkId:";

  private BulkIds() {}

  static Set<String> referencedBy(String path, JsonNode data) {
    Set<String> references = new LinkedHashSet<>();
    int at = path.indexOf(PREFIX);
    if (at >= 0) {
      references.add(path.substring(at + PREFIX.length()));
    }
    collect(data, references);
    return references;
  }

  /** {@code path} with its bulkId reference replaced by the created resource's id. */
  public static String resolvePath(String path, Map<String, String> ids) {
    int at = path.indexOf(PREFIX);
    return at < 0 ? path : path.substring(0, at) + ids.get(path.substring(at + PREFIX.length()));
  }

  /** A copy of {@code data} with every {@code "bulkId:x"} string replaced by the id created for {@code x}. */
  public static JsonNode resolveData(JsonNode data, Map<String, String> ids) {
    if (data == null) {
      return null;
    }
    JsonNode copy = data.deepCopy();
    replace(copy, ids);
    return copy;
  }

  private static void collect(JsonNode node, Set<String> into) {
    if (node == null) {
      return;
    }
    if (node.isTextual() && node.asText().startsWith(PREFIX)) {
      into.add(node.asText().substring(PREFIX.length()));
    }
    node.elements().forEachRemaining(child -> collect(child, into));
  }

  private static void replace(JsonNode node, Map<String, String> ids) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        String resolved = resolved(field.getValue(), ids);
        if (resolved != null) {
          field.setValue(TextNode.valueOf(resolved));
        } else {
          replace(field.getValue(), ids);
        }
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String resolved = resolved(array.get(i), ids);
        if (resolved != null) {
          array.set(i, TextNode.valueOf(resolved));
        } else {
          replace(array.get(i), ids);
        }
      }
    }
  }

  private static String resolved(JsonNode node, Map<String, String> ids) {
    return node.isTextual() && node.asText().startsWith(PREFIX) ? ids.get(node.asText().substring(PREFIX.length()))
        : null;
  }
}
