package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.CompareOperator;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterVisitor;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.AttributeType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Evaluates a value filter ({@code emails[type eq "work"]}) against one element of a multi-valued attribute.
 * Paths inside the filter name sub-attributes of that element. Strings compare case-insensitively unless the
 * sub-attribute is {@code caseExact}; dateTimes compare as instants; numbers as decimals.
 */
final class ValueFilterMatcher implements FilterVisitor<Boolean> {
  private final JsonNode element;
  private final AttributeDefinition parent;

  private ValueFilterMatcher(JsonNode element, AttributeDefinition parent) {
    this.element = element;
    this.parent = parent;
  }

  static boolean matches(Filter filter, JsonNode element, AttributeDefinition parent) {
    return filter.accept(new ValueFilterMatcher(element, parent));
  }

  @Override
  public Boolean visitAnd(Filter.And and) {
    return and.left().accept(this) && and.right().accept(this);
  }

  @Override
  public Boolean visitOr(Filter.Or or) {
    return or.left().accept(this) || or.right().accept(this);
  }

  @Override
  public Boolean visitNot(Filter.Not not) {
    return !not.inner().accept(this);
  }

  @Override
  public Boolean visitPresent(Filter.Present present) {
    JsonNode value = valueOf(present.path().attribute());
    return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
  }

  @Override
  public Boolean visitValuePath(Filter.ValuePath valuePath) {
    throw ScimException.of(400, "invalidPath", "A value filter cannot contain another value filter");
  }

  @Override
  public Boolean visitComparison(Filter.Comparison comparison) {
    String name = comparison.path().attribute();
    JsonNode actual = valueOf(name);
    JsonNode expected = comparison.value();
    CompareOperator op = comparison.op();
    if (actual == null || actual.isNull()) {
      return op == CompareOperator.EQ ? expected.isNull() : op == CompareOperator.NE && !expected.isNull();
    }
    AttributeDefinition definition = parent.subAttribute(name);
    int order;
    if (actual.isTextual() && expected.isTextual()) {
      if (definition != null && definition.type() == AttributeType.DATE_TIME) {
        order = compareInstants(actual.asText(), expected.asText());
      } else {
        boolean exact = definition != null && definition.caseExact();
        String a = exact ? actual.asText() : actual.asText().toLowerCase(Locale.ROOT);
        String e = exact ? expected.asText() : expected.asText().toLowerCase(Locale.ROOT);
        switch (op) {
          case CO: return a.contains(e);
          case SW: return a.startsWith(e);
          case EW: return a.endsWith(e);
          default: order = a.compareTo(e);
        }
      }
    } else if (actual.isNumber() && expected.isNumber()) {
      order = new BigDecimal(actual.asText()).compareTo(new BigDecimal(expected.asText()));
    } else if (actual.isBoolean() && expected.isBoolean()) {
      if (op != CompareOperator.EQ && op != CompareOperator.NE) {
        throw ScimException.invalidFilter("Booleans support only 'eq' and 'ne'");
      }
      order = actual.asBoolean() == expected.asBoolean() ? 0 : 1;
    } else {
      return op == CompareOperator.NE;
    }
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      default -> throw ScimException.invalidFilter("'" + op.token() + "' needs string operands");
    };
  }

  private JsonNode valueOf(String name) {
    if (!element.isObject()) {
      // a simple multi-valued attribute: the element itself is the value
      return name.equalsIgnoreCase("value") ? element : null;
    }
    var fields = element.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  private static int compareInstants(String actual, String expected) {
    try {
      return OffsetDateTime.parse(actual).toInstant().compareTo(OffsetDateTime.parse(expected).toInstant());
    } catch (DateTimeParseException e) {
      throw ScimException.invalidFilter("'" + expected + "' is not a dateTime (e.g. 2026-01-31T12:00:00Z)");
    }
  }
}
