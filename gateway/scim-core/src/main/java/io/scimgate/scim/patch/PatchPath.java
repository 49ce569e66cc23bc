package io.scimgate.scim.patch;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.connectors.api.ScimType;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterParser;

/**
 * A PATCH target (RFC 7644 §3.5.2, {@code PATH = attrPath / valuePath [subAttr]}): {@code title},
 * {@code name.givenName}, {@code urn:...:enterprise:2.0:User:manager}, {@code members[value eq "2819c223"]},
 * {@code emails[type eq "work"].value}.
 *
 * @param attribute the attribute (with its sub-attribute when there is no value filter)
 * @param filter    the value filter, or {@code null}
 * @param subAfterFilter the sub-attribute after a value filter ({@code .value}), or {@code null}
 */
public record PatchPath(AttributePath attribute, Filter filter, String subAfterFilter) {

  public static PatchPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("The PATCH path is empty");
    }
    int open = text.indexOf('[');
    if (open < 0) {
      return new PatchPath(AttributePath.parse(text.strip(), ScimType.INVALID_PATH), null, null);
    }
    int close = text.lastIndexOf(']');
    if (close < open) {
      throw invalid("The PATCH path '" + text + "' has an unbalanced '['");
    }
    AttributePath attribute = AttributePath.parse(text.substring(0, open).strip(), ScimType.INVALID_PATH);
    if (attribute.subAttribute() != null) {
      throw invalid("A value filter applies to a multi-valued attribute, not to '" + attribute.fullName() + "'");
    }
    Filter filter;
    try {
      filter = FilterParser.parse(text.substring(open + 1, close));
    } catch (ScimException e) {
      throw invalid("Invalid value filter in PATCH path '" + text + "': " + e.detail());
    }
    String rest = text.substring(close + 1).strip();
    String sub = null;
    if (!rest.isEmpty()) {
      if (!rest.startsWith(".") || AttributePath.parse(rest.substring(1), ScimType.INVALID_PATH).subAttribute() != null) {
        throw invalid("Unexpected '" + rest + "' after the value filter in '" + text + "'");
      }
      sub = rest.substring(1);
    }
    return new PatchPath(attribute, filter, sub);
  }

  private static ScimException invalid(String detail) {
    return ScimException.of(400, ScimType.INVALID_PATH, detail);
  }
}
