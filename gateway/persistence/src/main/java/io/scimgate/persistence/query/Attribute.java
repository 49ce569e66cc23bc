package io.scimgate.persistence.query;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A filter's attribute path resolved against the resource type's schemas (case-insensitively, URN or not).
 *
 * @param extension  the extension schema, or {@code null} for core and common attributes
 * @param sub        the sub-attribute named in the path, or {@code null}
 */
record Attribute(Schema extension, AttributeDefinition definition, AttributeDefinition sub) {

  static Attribute resolve(ResourceType type, AttributePath path) {
    String urn = path.schemaUrn();
    Schema extension = urn == null || urn.equalsIgnoreCase(type.schema().id()) ? null : type.extension(urn);
    if (urn != null && extension == null && !urn.equalsIgnoreCase(type.schema().id())) {
      throw ScimException.invalidFilter("Unknown schema '" + urn + "' in filter");
    }
    AttributeDefinition definition = extension == null ? type.coreOrCommonAttribute(path.attribute())
        : extension.attribute(path.attribute());
    if (definition == null) {
      throw ScimException.invalidFilter("Unknown attribute '" + path + "' in filter");
    }
    AttributeDefinition sub = null;
    if (path.subAttribute() != null) {
      sub = definition.subAttribute(path.subAttribute());
      if (sub == null) {
        throw ScimException.invalidFilter("'" + definition.name() + "' has no sub-attribute '"
            + path.subAttribute() + "'");
      }
    } else if (!definition.subAttributes().isEmpty() && !definition.multiValued()) {
      throw ScimException.invalidFilter("Filter on a sub-attribute of '" + definition.name() + "', e.g. "
          + definition.name() + "." + definition.subAttributes().get(0).name());
    }
    return new Attribute(extension, definition, sub);
  }

  /** The key of a dedicated column ({@code emails} means {@code emails.value}); none for extensions. */
  String columnKey() {
    if (extension != null) {
      return "";
    }
    AttributeDefinition leaf = definition.multiValued() ? elementValue() : sub;
    String name = leaf == null || leaf == definition ? definition.name() : definition.name() + "." + leaf.name();
    return name.toLowerCase(Locale.ROOT);
  }

  /** The JSON path of the attribute in the stored document: {@code {name, familyName}}, {@code {urn, dept}}. */
  String[] jsonPath() {
    List<String> path = new ArrayList<>();
    if (extension != null) {
      path.add(extension.id());
    }
    path.add(definition.name());
    if (sub != null && !definition.multiValued()) {
      path.add(sub.name());
    }
    return path.toArray(String[]::new);
  }

  /** For a multi-valued attribute: the sub-attribute compared ({@code emails co "x"} compares {@code value}). */
  AttributeDefinition elementValue() {
    if (sub != null) {
      return sub;
    }
    AttributeDefinition value = definition.subAttribute("value");
    return value != null ? value : definition;
  }

  /** The SQL text of {@link #elementValue()} for one element {@code e} of the JSON array. */
  String elementExpression(FilterSql sql) {
    AttributeDefinition value = elementValue();
    return value == definition ? "(e #>> '{}')" : "(e ->> " + sql.param(value.name()) + "::text)";
  }
}
