package io.scimgate.persistence.query;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.resource.SqlOrder;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.AttributeType;
import io.scimgate.scim.schema.CoreSchemas;
import io.scimgate.scim.schema.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sortBy} / {@code sortOrder} (RFC 7644 §3.4.2.3) as an ORDER BY. A multi-valued attribute sorts by its
 * primary value (or its first); case-insensitive strings sort folded; strings sort in code-point order.
 * Unassigned values come last in either order. The unique (created_at, id) always
 * follows as a tie-breaker, so that pages never overlap.
 */
public final class SortSql {
  private static final String TIE_BREAK = "created_at, id";
  private static final Map<String, String> USER_COLUMNS = Map.of("username", "lower(user_name)",
      "externalid", "external_id", "displayname", "lower(display_name)", "id", "id", "active", "active",
      "meta.created", "created_at", "meta.lastmodified", "modified_at");
  private static final Map<String, String> GROUP_COLUMNS = Map.of("displayname", "lower(display_name)",
      "externalid", "external_id", "id", "id", "meta.created", "created_at", "meta.lastmodified", "modified_at");

  private SortSql() {}

  /** The stable default order. */
  public static SqlOrder byCreation() {
    return new SqlOrder(TIE_BREAK, List.of());
  }

  public static SqlOrder users(String sortBy, boolean descending, int firstParam) {
    return order(CoreSchemas.USER_TYPE, USER_COLUMNS, sortBy, descending, firstParam);
  }

  public static SqlOrder groups(String sortBy, boolean descending, int firstParam) {
    return order(CoreSchemas.GROUP_TYPE, GROUP_COLUMNS, sortBy, descending, firstParam);
  }

  private static SqlOrder order(ResourceType type, Map<String, String> columns, String sortBy, boolean descending,
      int firstParam) {
    if (sortBy == null || sortBy.isBlank()) {
      return byCreation();
    }
    Attribute attribute;
    try {
      attribute = Attribute.resolve(type, AttributePath.parse(sortBy.strip()));
    } catch (ScimException e) {
      throw ScimException.invalidValue("sortBy: " + e.detail());
    }
    List<Object> params = new ArrayList<>();
    String direction = descending ? " DESC NULLS LAST" : " ASC NULLS LAST";
    String column = columns.get(attribute.columnKey());
    if (column != null && !attribute.definition().multiValued()) {
      return new SqlOrder(column + direction + ", " + TIE_BREAK, params);
    }
    String path = "$" + firstParam + "::text[]";
    params.add(attribute.jsonPath());
    String expression;
    if (attribute.definition().multiValued()) {
      AttributeDefinition value = attribute.elementValue();
      params.add(value.name());
      expression = "(SELECT e ->> $" + (firstParam + 1) + "::text FROM jsonb_array_elements(CASE WHEN"
          + " jsonb_typeof(doc #> " + path + ") = 'array' THEN doc #> " + path + " ELSE '[]'::jsonb END) AS e"
          + " ORDER BY (e ->> 'primary') = 'true' DESC LIMIT 1)";
      return new SqlOrder(folded(expression, value) + direction + ", " + TIE_BREAK, params);
    }
    AttributeDefinition target = attribute.sub() != null ? attribute.sub() : attribute.definition();
    return new SqlOrder(folded("(doc #>> " + path + ")", target) + direction + ", " + TIE_BREAK, params);
  }

  private static String folded(String expression, AttributeDefinition definition) {
    boolean text = FilterSql.isText(definition.type());
    if (!text) {
      return definition.type() == AttributeType.BOOLEAN ? expression + "::boolean" : expression;
    }
    return (definition.caseExact() ? expression : "lower(" + expression + ")") + " COLLATE \"C\"";
  }
}
