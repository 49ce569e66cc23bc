package io.scimgate.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.resource.SqlCondition;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.filter.CompareOperator;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.schema.CoreSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Translates a parsed SCIM filter into a parameterised SQL condition over the indexed columns of
 * {@code scim_users} / {@code scim_groups}. Values only travel as bind parameters.
 *
 * <p>Supported today: {@code eq} and {@code pr} on userName, externalId, displayName, id, emails.value (also
 * as {@code emails[value eq "..."]}) and active, combined with {@code and} / {@code or}. Case-insensitive
 * attributes (userName, displayName, emails.value) compare folded. Anything else is a 400 {@code invalidFilter}
 * that says what is supported; the full grammar pushdown comes later.
 */
public final class FilterSql {
  /** A filterable column: its SQL, whether it compares case-insensitively, and its value kind. */
  private record Column(String sql, boolean folded, Kind kind) {}

  private enum Kind { TEXT, UUID, BOOLEAN, TEXT_ARRAY }

  private final String coreSchema;
  private final java.util.Map<String, Column> columns;
  private final List<Object> params = new ArrayList<>();

  private FilterSql(String coreSchema, java.util.Map<String, Column> columns) {
    this.coreSchema = coreSchema;
    this.columns = columns;
  }

  /** Placeholders start at {@code $2}: {@code $1} is the connection id in every list query. */
  public static SqlCondition users(Filter filter) {
    return new FilterSql(CoreSchemas.USER_URN, java.util.Map.of(
        "username", new Column("user_name", true, Kind.TEXT),
        "externalid", new Column("external_id", false, Kind.TEXT),
        "displayname", new Column("display_name", true, Kind.TEXT),
        "id", new Column("id", false, Kind.UUID),
        "active", new Column("active", false, Kind.BOOLEAN),
        "emails.value", new Column("emails_folded", true, Kind.TEXT_ARRAY),
        "emails", new Column("emails_folded", true, Kind.TEXT_ARRAY)))
        .translate(filter);
  }

  public static SqlCondition groups(Filter filter) {
    return new FilterSql(CoreSchemas.GROUP_URN, java.util.Map.of(
        "displayname", new Column("display_name", true, Kind.TEXT),
        "externalid", new Column("external_id", false, Kind.TEXT),
        "id", new Column("id", false, Kind.UUID)))
        .translate(filter);
  }

  private SqlCondition translate(Filter filter) {
    return filter == null ? SqlCondition.ALWAYS : new SqlCondition(sql(filter, null), params);
  }

  private String sql(Filter filter, String parent) {
    if (filter instanceof Filter.And and) {
      return "(" + sql(and.left(), parent) + " AND " + sql(and.right(), parent) + ")";
    }
    if (filter instanceof Filter.Or or) {
      return "(" + sql(or.left(), parent) + " OR " + sql(or.right(), parent) + ")";
    }
    if (filter instanceof Filter.ValuePath valuePath && parent == null) {
      return sql(valuePath.inner(), name(valuePath.path()));
    }
    if (filter instanceof Filter.Present present) {
      Column column = column(present.path(), parent);
      return column.kind() == Kind.TEXT_ARRAY ? "cardinality(" + column.sql() + ") > 0"
          : column.sql() + " IS NOT NULL";
    }
    if (filter instanceof Filter.Comparison comparison && comparison.op() == CompareOperator.EQ) {
      return equals(column(comparison.path(), parent), comparison.value());
    }
    throw unsupported();
  }

  private String equals(Column column, JsonNode value) {
    switch (column.kind()) {
      case BOOLEAN:
        if (!value.isBoolean()) {
          throw ScimException.invalidFilter("'active' must be compared with true or false");
        }
        return column.sql() + " = " + param(value.asBoolean());
      case UUID:
        UUID id = uuidOrNull(text(value));
        return id == null ? "FALSE" : column.sql() + " = " + param(id);
      case TEXT_ARRAY:
        return column.sql() + " @> ARRAY[lower(" + param(text(value)) + "::text)]";
      default:
        String placeholder = param(text(value));
        return column.folded() ? "lower(" + column.sql() + ") = lower(" + placeholder + "::text)"
            : column.sql() + " = " + placeholder;
    }
  }

  private Column column(AttributePath path, String parent) {
    if (path.schemaUrn() != null && !path.schemaUrn().equalsIgnoreCase(coreSchema)) {
      throw unsupported();
    }
    String name = parent == null ? name(path) : parent + "." + name(path);
    Column column = columns.get(name);
    if (column == null) {
      throw unsupported();
    }
    return column;
  }

  private static String name(AttributePath path) {
    String name = path.subAttribute() == null ? path.attribute() : path.attribute() + "." + path.subAttribute();
    return name.toLowerCase(Locale.ROOT);
  }

  private String param(Object value) {
    params.add(value);
    return "$" + (params.size() + 1);
  }

  private static String text(JsonNode value) {
    if (!value.isTextual()) {
      throw ScimException.invalidFilter("This attribute must be compared with a string value");
    }
    if (value.asText().indexOf('\u0000') >= 0) {
      throw ScimException.invalidFilter("Filter values must not contain the NUL character");
    }
    return value.asText();
  }

  private static UUID uuidOrNull(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ScimException unsupported() {
    return ScimException.invalidFilter("Unsupported filter: this gateway supports 'eq' and 'pr' on userName, "
        + "externalId, displayName, id, emails.value and active, combined with 'and' / 'or'");
  }
}
