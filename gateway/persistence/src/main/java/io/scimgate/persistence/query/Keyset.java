package io.scimgate.persistence.query;

import java.time.ZoneOffset;

/**
 * The position of a cursor in the default order (created_at, id): "rows after this one". A row comparison on
 * the (connection_id, created_at, id) index, so a page costs the same at the start and deep into a million rows,
 * and rows created or deleted meanwhile never shift the rows that were already there.
 */
final class Keyset {
  private Keyset() {}

  static String after(KeysetPosition position, Placeholders placeholders) {
    return "(created_at, id) > (" + placeholders.bind(position.created().atOffset(ZoneOffset.UTC))
        + "::timestamptz, " + placeholders.bind(position.id()) + "::uuid)";
  }
}
