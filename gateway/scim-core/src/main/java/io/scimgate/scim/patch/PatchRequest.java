package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.resource.ScimMessages;
import io.scimgate.scim.schema.InputLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PatchOp message (RFC 7644 §3.5.2): {@code schemas} naming the PatchOp URN and a non-empty
 * {@code Operations} array. {@code op} is matched case-insensitively: RFC 7644 does not make structural values
 * case-sensitive, and Microsoft Entra ID sends {@code "Replace"}. Every other leniency belongs to connectors.
 */
public final class PatchRequest {
  private PatchRequest() {}

  public static List<PatchOperation> parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ScimException.invalidSyntax("A PATCH body must be a JSON object (a PatchOp message)");
    }
    JsonNode schemas = body.get("schemas");
    if (schemas != null && !containsPatchOp(schemas)) {
      throw ScimException.invalidValue("'schemas' must contain \"" + ScimMessages.PATCH_OP_URN + "\"");
    }
    JsonNode operations = body.has("Operations") ? body.get("Operations") : body.get("operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw ScimException.invalidValue("'Operations' must be a non-empty array");
    }
    if (operations.size() > InputLimits.PATCH_OPERATIONS) {
      throw ScimException.invalidValue("'Operations' has " + operations.size() + " operations; at most "
          + InputLimits.PATCH_OPERATIONS + " are accepted per PATCH request");
    }
    List<PatchOperation> list = new ArrayList<>(operations.size());
    int index = 0;
    for (JsonNode operation : operations) {
      list.add(operation(operation, index++));
    }
    return list;
  }

  private static PatchOperation operation(JsonNode node, int index) {
    if (!node.isObject()) {
      throw ScimException.invalidValue("Operations[" + index + "] must be a JSON object");
    }
    PatchOperation.Op op = op(node.path("op"), index);
    JsonNode pathNode = node.get("path");
    if (pathNode != null && !pathNode.isNull() && !pathNode.isTextual()) {
      throw ScimException.of(400, "invalidPath", "Operations[" + index + "].path must be a string");
    }
    PatchPath path = pathNode == null || pathNode.isNull() ? null : PatchPath.parse(pathNode.asText());
    JsonNode value = node.get("value");
    if (op != PatchOperation.Op.REMOVE && (value == null || value.isNull()) && path == null) {
      throw ScimException.invalidValue("Operations[" + index + "]: '" + op.name().toLowerCase(Locale.ROOT)
          + "' without a path needs a value object");
    }
    if (op == PatchOperation.Op.REMOVE && path == null) {
      throw ScimException.of(400, "noTarget", "Operations[" + index + "]: 'remove' needs a path");
    }
    return new PatchOperation(op, path, value == null || value.isNull() ? null : value);
  }

  private static PatchOperation.Op op(JsonNode op, int index) {
    if (op.isTextual()) {
      switch (op.asText().toLowerCase(Locale.ROOT)) {
        case "add": return PatchOperation.Op.ADD;
        case "remove": return PatchOperation.Op.REMOVE;
        case "replace": return PatchOperation.Op.REPLACE;
        default: break;
      }
    }
    throw ScimException.invalidValue("Operations[" + index + "].op must be \"add\", \"remove\" or \"replace\"");
  }

  private static boolean containsPatchOp(JsonNode schemas) {
    for (JsonNode urn : schemas) {
      if (urn.isTextual() && urn.asText().equalsIgnoreCase(ScimMessages.PATCH_OP_URN)) {
        return true;
      }
    }
    return false;
  }
}
