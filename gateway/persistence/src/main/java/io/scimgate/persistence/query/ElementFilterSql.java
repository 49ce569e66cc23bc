package io.scimgate.persistence.query;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterVisitor;
import io.scimgate.scim.schema.AttributeDefinition;

/** The inside of a value filter ({@code emails[...]}): paths name sub-attributes of one array element {@code e}. */
final class ElementFilterSql implements FilterVisitor<String> {
  private final AttributeDefinition parent;
  private final FilterSql sql;

  ElementFilterSql(AttributeDefinition parent, FilterSql sql) {
    this.parent = parent;
    this.sql = sql;
  }

  @Override
  public String visitAnd(Filter.And and) {
    return "(" + and.left().accept(this) + " AND " + and.right().accept(this) + ")";
  }

  @Override
  public String visitOr(Filter.Or or) {
    return "(" + or.left().accept(this) + " OR " + or.right().accept(this) + ")";
  }

  @Override
  public String visitNot(Filter.Not not) {
    return "(NOT coalesce(" + not.inner().accept(this) + ", false))";
  }

  @Override
  public String visitPresent(Filter.Present present) {
    return Comparisons.of(sql, expression(sub(present.path().attribute())), sub(present.path().attribute()), null,
        null);
  }

  @Override
  public String visitComparison(Filter.Comparison comparison) {
    AttributeDefinition sub = sub(comparison.path().attribute());
    return Comparisons.of(sql, expression(sub), sub, comparison.op(), comparison.value());
  }

  @Override
  public String visitValuePath(Filter.ValuePath valuePath) {
    throw ScimException.invalidFilter("A value filter cannot contain another value filter");
  }

  private AttributeDefinition sub(String name) {
    AttributeDefinition sub = parent.subAttribute(name);
    if (sub == null) {
      throw ScimException.invalidFilter("'" + parent.name() + "' has no sub-attribute '" + name + "'");
    }
    return sub;
  }

  private String expression(AttributeDefinition sub) {
    return "(e ->> " + sql.param(sub.name()) + "::text)";
  }
}
