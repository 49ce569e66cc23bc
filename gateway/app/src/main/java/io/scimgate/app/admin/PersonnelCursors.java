package io.scimgate.app.admin;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.pipeline.PersonnelCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The personnel list's {@code after} / {@code nextAfter}: a position (creation time, person id) as base64url
 * text. Opaque to clients, so the page order may change without breaking an API promise; not a secret (it only
 * names a person the caller already saw).
 */
final class PersonnelCursors {
  private static final char SEPARATOR = '|';

  private PersonnelCursors() {}

  static String encode(PersonnelCursor cursor) {
    String plain = cursor.createdAt().toString() + SEPARATOR + cursor.personId();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position {@code text} encodes; anything this class did not write is a 400 {@code invalidValue}. */
  static PersonnelCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int separator = plain.indexOf(SEPARATOR);
      return new PersonnelCursor(Instant.parse(plain.substring(0, separator)),
          UUID.fromString(plain.substring(separator + 1)));
    } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
      throw ScimException.invalidValue("Query parameter 'after' must be the 'nextAfter' of a previous page, was '"
          + text + "'");
    }
  }
}
