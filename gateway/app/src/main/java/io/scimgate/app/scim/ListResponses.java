package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.resource.ScimMessages;

/** The ListResponse of a query: index paging (RFC 7644 §3.4.2.4) or cursor paging (RFC 9865). */
final class ListResponses {
  private ListResponses() {}

  static ObjectNode of(ListQuery query, ListResult result) {
    ObjectNode body = ScimMessages.listResponse(result.total(), query.startIndex(), result.resources());
    if (query.cursorPaging()) {
      body.remove("startIndex");
      if (result.nextCursor() != null) {
        body.put("nextCursor", result.nextCursor());
      }
    }
    return body;
  }
}
