package io.scimgate.persistence.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A position in the personnel page order (creation time, then person id): the next page starts after it. Unlike
 * an offset it costs the same on page 1 and page 1,000, and people added meanwhile do not shift pages.
 */
public record PersonnelCursor(Instant createdAt, UUID personId) {
  /** The position of {@code person}: a page that starts after it starts with whoever follows them. */
  public static PersonnelCursor of(Person person) {
    return new PersonnelCursor(person.createdAt(), person.id());
  }
}
