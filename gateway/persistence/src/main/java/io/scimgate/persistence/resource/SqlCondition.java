package io.scimgate.persistence.resource;

import java.util.List;

/**
 * A parameterised SQL condition for a WHERE clause. Placeholders are numbered from {@code firstParam}: the
 * statement that embeds it passes its own parameters first. Values only ever travel as bind parameters.
 */
public record SqlCondition(String sql, List<Object> params) {
  public static final SqlCondition ALWAYS = new SqlCondition("TRUE", List.of());

  public SqlCondition {
    params = List.copyOf(params);
  }
}
