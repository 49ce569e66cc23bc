package io.scimgate.persistence.query;

import io.scimgate.persistence.resource.SqlCondition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The position of a cursor in the default order (created_at, id): "rows after this one". A row comparison on
 * the (connection_id, created_at, id) index, so a page costs the same at the start and deep into a million rows,
 * and rows created or deleted meanwhile never shift the rows that were already there.
 */
public final class Keyset {
  private Keyset() {}

  public static SqlCondition after(Instant created, UUID id, int firstParam) {
    return new SqlCondition("(created_at, id) > ($" + firstParam + "::timestamptz, $" + (firstParam + 1) + "::uuid)",
        List.of(created.atOffset(ZoneOffset.UTC), id));
  }
}
