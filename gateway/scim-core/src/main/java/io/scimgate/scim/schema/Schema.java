package io.scimgate.scim.schema;

import java.util.List;

/** A SCIM schema (RFC 7643 §7): its URN id, a name, and its top-level attributes. */
public record Schema(String id, String name, String description, List<AttributeDefinition> attributes) {
  public Schema {
    attributes = List.copyOf(attributes);
  }

  /** The attribute named {@code name}, case-insensitively, or {@code null}. */
  public AttributeDefinition attribute(String attributeName) {
    for (AttributeDefinition attribute : attributes) {
      if (attribute.name().equalsIgnoreCase(attributeName)) {
        return attribute;
      }
    }
    return null;
  }
}
