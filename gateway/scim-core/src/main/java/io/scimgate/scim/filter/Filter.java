package io.scimgate.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2). A closed set of records; consumers either switch over them or use
 * a {@link FilterVisitor}, which keeps translations exhaustive when the grammar grows.
 */
public sealed interface Filter {

  <R> R accept(FilterVisitor<R> visitor);

  record And(Filter left, Filter right) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitAnd(this);
    }
  }

  record Or(Filter left, Filter right) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitOr(this);
    }
  }

  record Not(Filter inner) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitNot(this);
    }
  }

  /** {@code path op value}; {@code value} is a Jackson text, number, boolean or null node. */
  record Comparison(AttributePath path, CompareOperator op, JsonNode value) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitComparison(this);
    }
  }

  /** {@code path pr}. */
  record Present(AttributePath path) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitPresent(this);
    }
  }

  /** {@code emails[type eq "work"]}: {@code inner}'s paths are relative to {@code path}. */
  record ValuePath(AttributePath path, Filter inner) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitValuePath(this);
    }
  }
}
