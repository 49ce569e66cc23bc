package io.scimgate.scim.schema;

import java.util.List;

/**
 * A SCIM resource type (RFC 7643 §6): name, endpoint, core schema and schema extensions.
 * {@link #commonAttributes()} are {@code id}, {@code externalId} and {@code meta} (RFC 7643 §3.1).
 */
public record ResourceType(String name, String endpoint, String description, Schema schema,
    List<Schema> extensions) {
  public ResourceType {
    extensions = List.copyOf(extensions);
  }

  /** The extension whose URN equals {@code urn} case-insensitively, or {@code null}. */
  public Schema extension(String urn) {
    for (Schema extension : extensions) {
      if (extension.id().equalsIgnoreCase(urn)) {
        return extension;
      }
    }
    return null;
  }

  /** The core schema's attribute, or a common attribute, named {@code name}; {@code null} if neither. */
  public AttributeDefinition coreOrCommonAttribute(String attributeName) {
    AttributeDefinition attribute = schema.attribute(attributeName);
    if (attribute != null) {
      return attribute;
    }
    for (AttributeDefinition common : CoreSchemas.COMMON_ATTRIBUTES) {
      if (common.name().equalsIgnoreCase(attributeName)) {
        return common;
      }
    }
    return null;
  }
}
