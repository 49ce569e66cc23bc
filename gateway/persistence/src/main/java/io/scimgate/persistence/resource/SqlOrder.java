package io.scimgate.persistence.resource;

import java.util.List;

/** A parameterised ORDER BY; its placeholders follow those of the WHERE condition it goes with. */
public record SqlOrder(String sql, List<Object> params) {
  public SqlOrder {
    params = List.copyOf(params);
  }
}
