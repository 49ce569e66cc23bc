package io.scimgate.scim.filter;

/** Prints a filter fully parenthesised, so that tests can state the expected tree in one line. */
final class FilterPrinter implements FilterVisitor<String> {
  static String print(Filter filter) {
    return filter.accept(new FilterPrinter());
  }

  @Override
  public String visitAnd(Filter.And and) {
    return "(" + and.left().accept(this) + " and " + and.right().accept(this) + ")";
  }

  @Override
  public String visitOr(Filter.Or or) {
    return "(" + or.left().accept(this) + " or " + or.right().accept(this) + ")";
  }

  @Override
  public String visitNot(Filter.Not not) {
    return "not(" + not.inner().accept(this) + ")";
  }

  @Override
  public String visitComparison(Filter.Comparison comparison) {
    return comparison.path() + " " + comparison.op().token() + " " + comparison.value();
  }

  @Override
  public String visitPresent(Filter.Present present) {
    return present.path() + " pr";
  }

  @Override
  public String visitValuePath(Filter.ValuePath valuePath) {
    return valuePath.path() + "[" + valuePath.inner().accept(this) + "]";
  }
}
