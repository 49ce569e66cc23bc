package io.scimgate.persistence.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.CompareOperator;
import java.util.UUID;

/**
 * Comparisons on dedicated columns, written so that the column's index applies ({@code lower(user_name) =
 * lower($2)} matches the index on {@code lower(user_name)}).
 */
final class ColumnComparison {
  private ColumnComparison() {}

  /** The condition, or {@code null} when this comparison is better answered from the JSON document. */
  static String of(FilterSql sql, Column column, CompareOperator op, JsonNode value) {
    String name = column.sql();
    if (op == null) {
      return switch (column.kind()) {
        case TEXT -> "(" + name + " <> '')";
        case TEXT_ARRAY -> "(cardinality(" + name + ") > 0)";
        case MEMBERSHIP_OF_GROUP -> "EXISTS (SELECT 1 FROM scim_group_members m WHERE m.group_id = scim_groups.id)";
        case MEMBERSHIP_OF_USER -> "EXISTS (SELECT 1 FROM scim_group_members m WHERE m.member_id = scim_users.id)";
        default -> "TRUE";
      };
    }
    if (value.isNull() && column.kind() != Column.Kind.TEXT) {
      throw ScimException.invalidFilter("This attribute always has a value; compare it with eq/ne and a value");
    }
    return switch (column.kind()) {
      case TEXT -> value.isNull() ? Comparisons.of(sql, name, null, op, value) : text(sql, column, op, value);
      case UUID -> uuid(sql, name, op, value);
      case BOOLEAN -> Comparisons.booleans(sql, name, op, value);
      case TIMESTAMP -> Comparisons.ordered(sql, name, op, FilterSql.dateTime(value), "timestamptz");
      case TEXT_ARRAY -> op == CompareOperator.EQ && value.isTextual()
          ? "(" + name + " @> ARRAY[lower(" + sql.param(value.asText()) + "::text)])" : null;
      case MEMBERSHIP_OF_GROUP -> membership(sql, "m.group_id = scim_groups.id AND m.member_id", op, value);
      case MEMBERSHIP_OF_USER -> membership(sql, "m.member_id = scim_users.id AND m.group_id", op, value);
    };
  }

  private static String text(FilterSql sql, Column column, CompareOperator op, JsonNode value) {
    if (!value.isTextual()) {
      throw ScimException.invalidFilter("This attribute is a string; compare it with a \"string\"");
    }
    return Comparisons.text(sql, column.sql(), column.folded(), op, value.asText());
  }

  /** Ids are UUIDs: anything else matches nothing for eq (and everything for ne) without a query error. */
  private static String uuid(FilterSql sql, String name, CompareOperator op, JsonNode value) {
    if (!value.isTextual()) {
      throw ScimException.invalidFilter("'id' is a string; compare it with a \"string\"");
    }
    UUID id = FilterSql.uuidOrNull(value.asText());
    if (op == CompareOperator.EQ) {
      return id == null ? "FALSE" : "(" + name + " = " + sql.param(id) + ")";
    }
    if (op == CompareOperator.NE) {
      return id == null ? "TRUE" : "(" + name + " <> " + sql.param(id) + ")";
    }
    return Comparisons.text(sql, name + "::text", false, op, value.asText());
  }

  private static String membership(FilterSql sql, String condition, CompareOperator op, JsonNode value) {
    if (op != CompareOperator.EQ || !value.isTextual()) {
      throw ScimException.invalidFilter("Membership filters support only 'value eq \"<id>\"'");
    }
    UUID id = FilterSql.uuidOrNull(value.asText());
    return id == null ? "FALSE"
        : "EXISTS (SELECT 1 FROM scim_group_members m WHERE " + condition + " = " + sql.param(id) + ")";
  }
}
