package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.CompareOperator;
import io.scimgate.scim.filter.Filter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * PATCH operations on a group's {@code members}, turned into {@link MemberChanges} without reading the member
 * list: {@code add} members, {@code replace} the whole set ({@code []} clears it), {@code remove} all, the ones
 * a {@code members[value eq "..."]} filter names, or the ones listed in a value array.
 */
final class MembershipOperations {
  private MembershipOperations() {}

  static void apply(MemberChanges changes, PatchOperation.Op op, PatchTarget target, JsonNode value) {
    if (target.sub() != null || (target.filter() != null && op != PatchOperation.Op.REMOVE)) {
      throw PatchTarget.invalidPath("Members are added, replaced or removed whole; "
          + "sub-attributes and value filters are supported only for remove");
    }
    switch (op) {
      case ADD -> ids(value).forEach(changes::add);
      case REPLACE -> changes.replaceWith(ids(value));
      case REMOVE -> {
        if (target.filter() != null) {
          valueIds(target.filter(), new LinkedHashSet<>()).forEach(changes::remove);
        } else if (value != null) {
          // not in RFC 7644, sent by Entra ID and JumpCloud: removing "all members" would be destructive
          ids(value).forEach(changes::remove);
        } else {
          changes.clear();
        }
      }
    }
  }

  private static Set<String> ids(JsonNode value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value == null) {
      throw ScimException.invalidValue("A members operation needs a value: [{\"value\": \"<id>\"}]");
    }
    for (JsonNode member : value.isArray() ? value : java.util.List.of(value)) {
      JsonNode id = member.path("value");
      if (!id.isTextual() || id.asText().isBlank()) {
        throw ScimException.invalidValue("Every member needs a 'value' (the member's id)");
      }
      ids.add(id.asText());
    }
    return ids;
  }

  /** The ids named by {@code value eq "..."} terms joined with {@code or}. */
  private static Set<String> valueIds(Filter filter, Set<String> into) {
    if (filter instanceof Filter.Or or) {
      valueIds(or.left(), into);
      return valueIds(or.right(), into);
    }
    if (filter instanceof Filter.Comparison comparison && comparison.op() == CompareOperator.EQ
        && comparison.path().attribute().equalsIgnoreCase("value") && comparison.path().subAttribute() == null
        && comparison.value().isTextual()) {
      into.add(comparison.value().asText());
      return into;
    }
    throw ScimException.invalidFilter("Member filters support 'value eq \"<id>\"', optionally joined with 'or'");
  }
}
