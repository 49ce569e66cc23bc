package io.scimgate.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import java.util.List;

/** The protocol messages of RFC 7644: error bodies (§3.12) and list responses (§3.4.2). */
public final class ScimMessages {
  public static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
  public static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String CONTENT_TYPE = "application/scim+json";

  private ScimMessages() {}

  /** An error body; {@code status} is a string, as RFC 7644 §3.12 shows it. */
  public static ObjectNode error(int status, String scimType, String detail) {
    ObjectNode body = ScimJson.object();
    body.putArray("schemas").add(ERROR_URN);
    body.put("status", Integer.toString(status));
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    if (detail != null) {
      body.put("detail", detail);
    }
    return body;
  }

  public static ObjectNode error(ScimException e) {
    return error(e.status(), e.scimType(), e.detail());
  }

  /**
   * A ListResponse: {@code itemsPerPage} is the number of resources returned (not the count asked for, which
   * Okta's review rejects), {@code startIndex} the 1-based index of the first.
   */
  public static ObjectNode listResponse(long totalResults, int startIndex, List<? extends JsonNode> resources) {
    ObjectNode body = ScimJson.object();
    body.putArray("schemas").add(LIST_RESPONSE_URN);
    body.put("totalResults", totalResults);
    body.put("itemsPerPage", resources.size());
    body.put("startIndex", startIndex);
    ArrayNode array = body.putArray("Resources");
    resources.forEach(array::add);
    return body;
  }
}
