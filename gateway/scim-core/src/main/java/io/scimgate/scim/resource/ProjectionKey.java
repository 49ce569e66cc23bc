package io.scimgate.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.ResourceFilterMatcher;
import io.scimgate.scim.schema.AttributeDefinition;

/**
 * One resolved entry of {@code attributes} or {@code excludedAttributes}, in the schema's spelling.
 *
 * @param container    {@code null} for core attributes, else the extension URN
 * @param attribute    the attribute, or {@code null} for a whole extension
 * @param subAttribute the sub-attribute (after a value filter too: {@code emails[type eq "work"].value}), or null
 * @param filter       the value filter of {@code emails[type eq "work"]}, or {@code null}
 * @param definition   the attribute's definition when there is a filter (its sub-attributes are the filter's)
 */
record ProjectionKey(String container, String attribute, String subAttribute, Filter filter,
    AttributeDefinition definition) {

  ProjectionKey(String container, String attribute, String subAttribute) {
    this(container, attribute, subAttribute, null, null);
  }

  /** Whether this key names {@code element} of its attribute: every element, or those its filter matches. */
  boolean appliesTo(JsonNode element) {
    return filter == null || ResourceFilterMatcher.matchesElement(filter, element, definition);
  }

  /** The whole attribute, every value and every sub-attribute. */
  boolean whole() {
    return subAttribute == null && filter == null;
  }
}
