package io.scimgate.persistence.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.CompareOperator;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.AttributeType;
import java.math.BigDecimal;

/**
 * One comparison on a SQL text expression holding a JSON value, typed by the attribute's definition. An absent
 * value yields NULL or FALSE (no match), except for {@code ne}, which an absent value satisfies.
 */
final class Comparisons {
  private Comparisons() {}

  static String of(FilterSql sql, String expr, AttributeDefinition definition, CompareOperator op, JsonNode value) {
    if (op == null) {
      return "(" + expr + " <> '')";
    }
    if (value.isNull()) {
      return switch (op) {
        case EQ -> "(" + expr + " IS NULL)";
        case NE -> "(" + expr + " IS NOT NULL)";
        default -> throw ScimException.invalidFilter("null can only be compared with eq or ne");
      };
    }
    AttributeType type = definition.type();
    if (type == AttributeType.BOOLEAN) {
      return booleans(sql, "(" + expr + ")::boolean", op, value);
    }
    if (type == AttributeType.DATE_TIME) {
      return ordered(sql, "(" + expr + ")::timestamptz", op, FilterSql.dateTime(value), "timestamptz");
    }
    if (type == AttributeType.INTEGER || type == AttributeType.DECIMAL) {
      if (!value.isNumber()) {
        throw mismatch(definition, "a number");
      }
      return ordered(sql, "(" + expr + ")::numeric", op, new BigDecimal(value.asText()), "numeric");
    }
    if (!value.isTextual()) {
      throw mismatch(definition, "a string");
    }
    if (op == CompareOperator.CO || op == CompareOperator.SW || op == CompareOperator.EW) {
      sql.unindexedPattern(definition.name(), value.asText());
    }
    return text(sql, expr, !definition.caseExact(), op, value.asText());
  }

  /** A string comparison; {@code folded} compares lower-cased (the index expressions use lower() too). */
  static String text(FilterSql sql, String expr, boolean folded, CompareOperator op, String value) {
    String left = folded ? "lower(" + expr + ")" : expr;
    return switch (op) {
      case EQ -> "(" + left + " = " + fold(folded, sql.param(value) + "::text") + ")";
      case NE -> "(" + expr + " IS NULL OR " + left + " <> " + fold(folded, sql.param(value) + "::text") + ")";
      case CO -> like(sql, left, folded, "%" + escape(value) + "%");
      case SW -> like(sql, left, folded, escape(value) + "%");
      case EW -> like(sql, left, folded, "%" + escape(value));
      default -> "(" + left + " COLLATE \"C\" " + symbol(op) + " "
          + fold(folded, sql.param(value) + "::text") + " COLLATE \"C\")";
    };
  }

  static String booleans(FilterSql sql, String expr, CompareOperator op, JsonNode value) {
    if (!value.isBoolean() || (op != CompareOperator.EQ && op != CompareOperator.NE)) {
      throw ScimException.invalidFilter("Booleans compare only with eq or ne and true or false");
    }
    return op == CompareOperator.EQ ? "(" + expr + " = " + sql.param(value.asBoolean()) + ")"
        : "(" + expr + " IS NULL OR " + expr + " <> " + sql.param(value.asBoolean()) + ")";
  }

  /** eq, ne, gt, ge, lt, le on ordered values (timestamps, numbers); co/sw/ew do not apply to them. */
  static String ordered(FilterSql sql, String expr, CompareOperator op, Object value, String cast) {
    return switch (op) {
      case CO, SW, EW -> throw ScimException.invalidFilter("'" + op.token() + "' applies only to strings");
      case NE -> "(" + expr + " IS NULL OR " + expr + " <> " + sql.param(value) + "::" + cast + ")";
      default -> "(" + expr + " " + symbol(op) + " " + sql.param(value) + "::" + cast + ")";
    };
  }

  static String symbol(CompareOperator op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case GT -> ">";
      case GE -> ">=";
      case LT -> "<";
      case LE -> "<=";
      default -> throw new IllegalArgumentException(op.token());
    };
  }

  private static String like(FilterSql sql, String left, boolean folded, String pattern) {
    return "(" + left + " LIKE " + fold(folded, sql.param(pattern) + "::text") + " ESCAPE '\\')";
  }

  private static String fold(boolean folded, String placeholder) {
    return folded ? "lower(" + placeholder + ")" : placeholder;
  }

  /** LIKE wildcards in the value are literal characters in SCIM. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static ScimException mismatch(AttributeDefinition definition, String expected) {
    return ScimException.invalidFilter("'" + definition.name() + "' is a " + definition.type().scimName()
        + "; compare it with " + expected);
  }
}
