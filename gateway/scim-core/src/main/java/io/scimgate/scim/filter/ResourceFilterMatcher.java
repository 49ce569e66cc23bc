package io.scimgate.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.AttributeType;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a filter against a rendered resource in memory, with the semantics the SQL translation has:
 * strings fold case unless {@code caseExact}; an absent single value satisfies only {@code ne} (and
 * {@code eq null}); a multi-valued attribute matches when one of its values does; ordering compares code points.
 * Used where no database is involved, and to check the database against (they must agree).
 */
public final class ResourceFilterMatcher implements FilterVisitor<Boolean> {
  private final ResourceType type;
  private final ObjectNode resource;

  private ResourceFilterMatcher(ResourceType type, ObjectNode resource) {
    this.type = type;
    this.resource = resource;
  }

  public static boolean matches(Filter filter, ResourceType type, ObjectNode resource) {
    return filter.accept(new ResourceFilterMatcher(type, resource));
  }

  /**
   * Evaluates a value filter ({@code emails[type eq "work"]}, a PATCH path's filter) against one element of
   * the multi-valued attribute {@code parent}; its paths name the element's sub-attributes.
   */
  public static boolean matchesElement(Filter filter, JsonNode element, AttributeDefinition parent) {
    return filter.accept(new ElementMatcher(element, parent));
  }

  /**
   * Throws 400 {@code invalidFilter} unless every path of the value filter names a sub-attribute of
   * {@code parent}: checked before any element is compared, since {@code and}/{@code or} stop early.
   */
  public static void checkElementFilter(Filter filter, AttributeDefinition parent) {
    if (filter instanceof Filter.And and) {
      checkElementFilter(and.left(), parent);
      checkElementFilter(and.right(), parent);
    } else if (filter instanceof Filter.Or or) {
      checkElementFilter(or.left(), parent);
      checkElementFilter(or.right(), parent);
    } else if (filter instanceof Filter.Not not) {
      checkElementFilter(not.inner(), parent);
    } else {
      filter.accept(new ElementMatcher(ScimJson.object(), parent)); // one comparison: nothing to stop early
    }
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
    return anyValue(present.path(), (value, definition) -> value != null && !value.isNull()
        && !(value.isTextual() && value.asText().isEmpty()), false);
  }

  @Override
  public Boolean visitComparison(Filter.Comparison comparison) {
    if (comparison.path().schemaUrn() == null && comparison.path().attribute().equalsIgnoreCase("schemas")) {
      for (JsonNode urn : resource.path("schemas")) {
        if (urn.asText().equals(comparison.value().asText())) {
          return true;
        }
      }
      return false;
    }
    boolean singleAbsentMatches = comparison.op() == CompareOperator.NE
        ? !comparison.value().isNull() : comparison.op() == CompareOperator.EQ && comparison.value().isNull();
    return anyValue(comparison.path(), (value, definition) -> value == null || value.isNull() ? singleAbsentMatches
        : compare(value, definition, comparison.op(), comparison.value()), singleAbsentMatches);
  }

  @Override
  public Boolean visitValuePath(Filter.ValuePath valuePath) {
    Target target = target(valuePath.path());
    for (JsonNode element : elements(target)) {
      if (matchesElement(valuePath.inner(), element, target.definition())) {
        return true;
      }
    }
    return false;
  }

  private interface ValueTest {
    boolean test(JsonNode value, AttributeDefinition definition);
  }

  private record Target(JsonNode container, AttributeDefinition definition, AttributeDefinition sub) {}

  private boolean anyValue(AttributePath path, ValueTest test, boolean absentSingle) {
    Target target = target(path);
    if (target.definition().multiValued()) {
      AttributeDefinition value = target.sub() != null ? target.sub() : target.definition().subAttribute("value");
      for (JsonNode element : elements(target)) {
        if (test.test(element.get(value.name()), value)) {
          return true;
        }
      }
      return false;
    }
    JsonNode node = target.container().get(target.definition().name());
    if (target.sub() != null) {
      node = node == null ? null : node.get(target.sub().name());
    }
    AttributeDefinition definition = target.sub() != null ? target.sub() : target.definition();
    return node == null || node.isNull() ? absentSingle : test.test(node, definition);
  }

  private List<JsonNode> elements(Target target) {
    List<JsonNode> list = new ArrayList<>();
    JsonNode array = target.container().get(target.definition().name());
    if (array != null && array.isArray()) {
      array.forEach(list::add);
    }
    return list;
  }

  private Target target(AttributePath path) {
    String urn = path.schemaUrn();
    Schema extension = urn == null || urn.equalsIgnoreCase(type.schema().id()) ? null : type.extension(urn);
    AttributeDefinition definition = extension == null ? type.coreOrCommonAttribute(path.attribute())
        : extension.attribute(path.attribute());
    if (definition == null || (urn != null && extension == null && !urn.equalsIgnoreCase(type.schema().id()))) {
      throw ScimException.invalidFilter("Unknown attribute '" + path + "' in filter");
    }
    AttributeDefinition sub = path.subAttribute() == null ? null : definition.subAttribute(path.subAttribute());
    if (path.subAttribute() != null && sub == null) {
      throw ScimException.invalidFilter("'" + definition.name() + "' has no sub-attribute '" + path.subAttribute()
          + "'");
    }
    JsonNode container = extension == null ? resource : resource.path(extension.id());
    return new Target(container, definition, sub);
  }

  static boolean compare(JsonNode actual, AttributeDefinition definition, CompareOperator op, JsonNode expected) {
    if (expected.isNull()) {
      return op == CompareOperator.NE;
    }
    int order;
    AttributeType type = definition.type();
    if (type == AttributeType.BOOLEAN) {
      boolean same = actual.asBoolean() == expected.asBoolean();
      return op == CompareOperator.EQ ? same : op == CompareOperator.NE && !same;
    } else if (type == AttributeType.DATE_TIME) {
      order = instant(actual.asText()).compareTo(instant(expected.asText()));
    } else if (type == AttributeType.INTEGER || type == AttributeType.DECIMAL) {
      order = new BigDecimal(actual.asText()).compareTo(new BigDecimal(expected.asText()));
    } else {
      boolean folded = !definition.caseExact();
      String a = folded ? actual.asText().toLowerCase(Locale.ROOT) : actual.asText();
      String e = folded ? expected.asText().toLowerCase(Locale.ROOT) : expected.asText();
      switch (op) {
        case CO: return a.contains(e);
        case SW: return a.startsWith(e);
        case EW: return a.endsWith(e);
        default: order = a.compareTo(e);
      }
    }
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      default -> false;
    };
  }

  private static java.time.Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ScimException.invalidFilter("'" + text + "' is not a dateTime");
    }
  }

  /** Inside a value filter: paths name sub-attributes of one element. */
  private record ElementMatcher(JsonNode element, AttributeDefinition parent) implements FilterVisitor<Boolean> {
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
      JsonNode value = element.get(sub(present.path()).name());
      return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    @Override
    public Boolean visitComparison(Filter.Comparison comparison) {
      AttributeDefinition sub = sub(comparison.path());
      JsonNode value = element.get(sub.name());
      if (value == null || value.isNull()) {
        return comparison.op() == CompareOperator.NE ? !comparison.value().isNull()
            : comparison.op() == CompareOperator.EQ && comparison.value().isNull();
      }
      return compare(value, sub, comparison.op(), comparison.value());
    }

    @Override
    public Boolean visitValuePath(Filter.ValuePath valuePath) {
      throw ScimException.invalidFilter("A value filter cannot contain another value filter");
    }

    private AttributeDefinition sub(AttributePath path) {
      AttributeDefinition sub = parent.subAttribute(path.attribute());
      if (sub == null) {
        throw ScimException.invalidFilter("'" + parent.name() + "' has no sub-attribute '" + path.attribute() + "'");
      }
      return sub;
    }
  }
}
