package io.scimgate.persistence.query;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A place in the default order (created_at, id): the last resource of a cursor page. A list query after it
 * returns the resources that follow it (see {@link Keyset}).
 */
public record KeysetPosition(Instant created, UUID id) {
  public KeysetPosition {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(id, "id");
  }
}
