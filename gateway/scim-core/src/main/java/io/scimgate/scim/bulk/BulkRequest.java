package io.scimgate.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed BulkRequest (RFC 7644 §3.7): its operations and {@code failOnErrors} ({@code 0}: never stop).
 * More operations than {@code maxOperations} is a 413, as §3.7.4 says.
 */
public record BulkRequest(List<BulkOperation> operations, int failOnErrors) {
  public static final String REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  public static final String RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  public static BulkRequest parse(JsonNode body, int maxOperations) {
    if (body == null || !body.isObject()) {
      throw ScimException.invalidSyntax("A bulk request must be a JSON object (a BulkRequest message)");
    }
    JsonNode schemas = body.path("schemas");
    if (!schemas.isMissingNode() && !containsIgnoringCase(schemas, REQUEST_URN)) {
      throw ScimException.invalidValue("'schemas' must contain \"" + REQUEST_URN + "\"");
    }
    JsonNode operations = body.get("Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw ScimException.invalidValue("'Operations' must be a non-empty array");
    }
    if (operations.size() > maxOperations) {
      throw ScimException.of(413, null, "The bulk request has " + operations.size()
          + " operations; the maximum is " + maxOperations + " (see /ServiceProviderConfig)");
    }
    JsonNode failOnErrors = body.path("failOnErrors");
    if (!failOnErrors.isMissingNode() && (!failOnErrors.canConvertToInt() || failOnErrors.asInt() < 1)) {
      throw ScimException.invalidValue("'failOnErrors' must be a positive integer");
    }
    List<BulkOperation> list = new ArrayList<>();
    Set<String> bulkIds = new HashSet<>();
    for (JsonNode operation : operations) {
      BulkOperation parsed = operation(operation, list.size());
      if (parsed.bulkId() != null && !bulkIds.add(parsed.bulkId())) {
        throw ScimException.invalidValue("bulkId '" + parsed.bulkId() + "' is used by more than one operation");
      }
      list.add(parsed);
    }
    return new BulkRequest(List.copyOf(list), failOnErrors.asInt(0));
  }

  private static BulkOperation operation(JsonNode node, int index) {
    String where = "Operations[" + index + "]";
    if (!node.isObject()) {
      throw ScimException.invalidValue(where + " must be a JSON object");
    }
    String method = node.path("method").asText("").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw ScimException.invalidValue(where + ".method must be POST, PUT, PATCH or DELETE");
    }
    String path = node.path("path").asText(null);
    if (path == null || !path.startsWith("/")) {
      throw ScimException.invalidValue(where + ".path is required, e.g. \"/Users\" or \"/Groups/{id}\"");
    }
    String bulkId = node.path("bulkId").isTextual() ? node.get("bulkId").asText() : null;
    if (method.equals("POST") && (bulkId == null || bulkId.isBlank())) {
      throw ScimException.invalidValue(where + ": a POST needs a bulkId");
    }
    JsonNode data = node.get("data");
    if (!method.equals("DELETE") && (data == null || !data.isObject())) {
      throw ScimException.invalidValue(where + ".data must be a JSON object for " + method);
    }
    String version = node.path("version").isTextual() ? node.get("version").asText() : null;
    return new BulkOperation(index, method, bulkId, path, version, data, BulkIds.referencedBy(path, data));
  }

  private static boolean containsIgnoringCase(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.isTextual() && element.asText().equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }
}
