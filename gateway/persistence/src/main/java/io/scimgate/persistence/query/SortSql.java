package io.scimgate.persistence.query;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.AttributeType;
import io.scimgate.scim.schema.CoreSchemas;
import io.scimgate.scim.schema.ResourceType;
import java.util.Map;

/**
 * {@code sortBy} / {@code sortOrder} (RFC 7644 §3.4.2.3) as an ORDER BY. A multi-valued attribute sorts by its
 * primary value (or its first); case-insensitive strings sort folded; strings sort in code-point order.
 * Unassigned values come last in either order. The unique (created_at, id) always
 * follows as a tie-breaker, so that pages never overlap.
 */
final class SortSql {
  private static final String TIE_BREAK = "created_at, id";
  private static final Map<String, String> USER_COLUMNS = Map.of("username", "lower(user_name)",
      "externalid", "external_id", "displayname", "lower(display_name)", "id", "id", "active", "active",
      "meta.created", "created_at", "meta.lastmodified", "modified_at");
  private static final Map<String, String> GROUP_COLUMNS = Map.of("displayname", "lower(display_name)",
      "externalid", "external_id", "id", "id", "meta.created", "created_at", "meta.lastmodified", "modified_at");

  private SortSql() {}

  /** The ORDER BY of a user list; a JSON attribute's path is bound to {@code placeholders}. */
  static String users(String sortBy, boolean descending, Placeholders placeholders) {
    return order(CoreSchemas.USER_TYPE, USER_COLUMNS, sortBy, descending, placeholders);
  }

  static String groups(String sortBy, boolean descending, Placeholders placeholders) {
    return order(CoreSchemas.GROUP_TYPE, GROUP_COLUMNS, sortBy, descending, placeholders);
  }

  private static String order(ResourceType type, Map<String, String> columns, String sortBy, boolean descending,
      Placeholders placeholders) {
    if (sortBy == null || sortBy.isBlank()) {
      return TIE_BREAK; // the stable default order
    }
    Attribute attribute;
    try {
      attribute = Attribute.resolve(type, AttributePath.parse(sortBy.strip()));
    } catch (ScimException e) {
      throw ScimException.invalidValue("sortBy: " + e.detail());
    }
    String direction = descending ? " DESC NULLS LAST" : " ASC NULLS LAST";
    String column = columns.get(attribute.columnKey());
    if (column != null && !attribute.definition().multiValued()) {
      return column + direction + ", " + TIE_BREAK;
    }
    String path = placeholders.bind(attribute.jsonPath()) + "::text[]";
    if (attribute.definition().multiValued()) {
      AttributeDefinition value = attribute.elementValue();
      String expression = "(SELECT e ->> " + placeholders.bind(value.name()) + "::text FROM jsonb_array_elements("
          + "CASE WHEN jsonb_typeof(doc #> " + path + ") = 'array' THEN doc #> " + path + " ELSE '[]'::jsonb END)"
          + " AS e ORDER BY (e ->> 'primary') = 'true' DESC LIMIT 1)";
      return folded(expression, value) + direction + ", " + TIE_BREAK;
    }
    AttributeDefinition target = attribute.sub() != null ? attribute.sub() : attribute.definition();
    return folded("(doc #>> " + path + ")", target) + direction + ", " + TIE_BREAK;
  }

  private static String folded(String expression, AttributeDefinition definition) {
    boolean text = FilterSql.isText(definition.type());
    if (!text) {
      return definition.type() == AttributeType.BOOLEAN ? expression + "::boolean" : expression;
    }
    return (definition.caseExact() ? expression : "lower(" + expression + ")") + " COLLATE \"C\"";
  }
}
