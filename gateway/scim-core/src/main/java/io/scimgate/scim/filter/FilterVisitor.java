package io.scimgate.scim.filter;

/** One method per {@link Filter} record. */
public interface FilterVisitor<R> {
  R visitAnd(Filter.And and);

  R visitOr(Filter.Or or);

  R visitNot(Filter.Not not);

  R visitComparison(Filter.Comparison comparison);

  R visitPresent(Filter.Present present);

  R visitValuePath(Filter.ValuePath valuePath);
}
