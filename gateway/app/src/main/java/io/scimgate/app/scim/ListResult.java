package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One page of rendered resources, the total, and (cursor paging) the cursor of the next page or null. */
record ListResult(List<ObjectNode> resources, long total, String nextCursor) {

  static ListResult empty() {
    return new ListResult(List.of(), 0, null);
  }
}
