package io.scimgate.persistence.query;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The bind parameters of one statement, numbered in the order they are bound. Every part of a list statement
 * (the connection, the filter, the cursor's position, the sort, the paging) takes its placeholders from the same
 * allocator, so no part knows or computes where its numbers start.
 */
final class Placeholders {
  private final List<Object> values = new ArrayList<>();

  /** Adds a bind parameter; the placeholder ({@code $n}) that stands for it in the SQL text. */
  String bind(Object value) {
    values.add(value);
    return "$" + values.size();
  }

  /**
   * The parameters bound so far (a copy): the parameters of a statement made of the text built up to now, such
   * as a count that stops after the filter.
   */
  Tuple boundSoFar() {
    return Tuple.from(new ArrayList<>(values));
  }
}
