package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.connectors.api.ScimType;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.Mutability;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;

/**
 * A PATCH path resolved against the resource type's schemas.
 *
 * @param extension  the extension schema holding the attribute, or {@code null} for core/common attributes
 * @param definition the attribute, or {@code null} when the path names a whole extension
 * @param sub        the sub-attribute (after a value filter or not), or {@code null}
 * @param filter     the value filter, or {@code null}
 */
record PatchTarget(Schema extension, AttributeDefinition definition, AttributeDefinition sub, Filter filter) {

  static PatchTarget resolve(ResourceType type, PatchPath path) {
    AttributePath attribute = path.attribute();
    String urn = attribute.schemaUrn();
    Schema whole = urn == null ? null : type.extension(urn + ":" + attribute.attribute());
    if (whole != null && attribute.subAttribute() == null && path.filter() == null) {
      return new PatchTarget(whole, null, null, null);
    }
    Schema extension = urn == null || urn.equalsIgnoreCase(type.schema().id()) ? null : type.extension(urn);
    if (urn != null && extension == null && !urn.equalsIgnoreCase(type.schema().id())) {
      throw invalidPath("Unknown schema '" + urn + "' in path '" + path + "'");
    }
    AttributeDefinition definition = extension == null ? type.coreOrCommonAttribute(attribute.attribute())
        : extension.attribute(attribute.attribute());
    if (definition == null) {
      throw invalidPath("Unknown attribute '" + attribute + "'");
    }
    String subName = path.filter() == null ? attribute.subAttribute() : path.subAfterFilter();
    AttributeDefinition sub = null;
    if (subName != null) {
      sub = definition.subAttribute(subName);
      if (sub == null) {
        throw invalidPath("'" + definition.name() + "' has no sub-attribute '" + subName + "'");
      }
    }
    if (path.filter() != null && !definition.multiValued()) {
      throw invalidPath("A value filter needs a multi-valued attribute; '" + definition.name() + "' is not");
    }
    return new PatchTarget(extension, definition, sub, path.filter());
  }

  /** Refuses writes to read-only attributes (RFC 7644 §3.5.2: 400 {@code mutability}). */
  PatchTarget writable() {
    if (definition != null && (definition.mutability() == Mutability.READ_ONLY
        || (sub != null && sub.mutability() == Mutability.READ_ONLY))) {
      throw ScimException.of(400, ScimType.MUTABILITY, "'" + name() + "' is read-only");
    }
    return this;
  }

  /** The object that holds the attribute: the document, or the extension's object (created when asked). */
  ObjectNode container(ObjectNode doc, boolean create) {
    if (extension == null) {
      return doc;
    }
    if (doc.get(extension.id()) instanceof ObjectNode existing) {
      return existing;
    }
    return create ? doc.putObject(extension.id()) : null;
  }

  /** The top-level key the change set reports. */
  String touchedKey() {
    return extension == null ? definition.name() : extension.id();
  }

  String name() {
    String base = definition == null ? extension.id() : definition.name();
    return sub == null ? base : base + "." + sub.name();
  }

  static ScimException invalidPath(String detail) {
    return ScimException.of(400, ScimType.INVALID_PATH, detail);
  }
}
