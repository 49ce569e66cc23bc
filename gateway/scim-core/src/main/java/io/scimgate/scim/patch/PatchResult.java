package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The outcome of a PATCH: the new document (validated like a PUT body) and the change set that drives the
 * write and, later, events.
 *
 * @param touched   top-level attributes (URN-qualified for extensions) that an operation targeted
 * @param members   membership changes (groups only; empty for users)
 * @param activeFrom {@code active} before, or {@code null} when it did not change
 * @param activeTo   {@code active} after, or {@code null} when it did not change
 */
public record PatchResult(ObjectNode doc, Set<String> touched, MemberChanges members, Boolean activeFrom,
    Boolean activeTo) {

  public boolean activeChanged() {
    return activeTo != null;
  }
}
