package io.scimgate.app.admin;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.invites.events.EventCursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The events API's {@code cursor} / {@code nextCursor} / {@code after}: a relay position (and, inside a membership
 * event, the member reached) as base64url text. Opaque to clients, so its form may change without breaking an API
 * promise; not a secret (it only says how far the caller has read their own tenant's events).
 */
final class EventCursors {
  private EventCursors() {}

  static String encode(EventCursor cursor) {
    String plain = cursor.member() == EventCursor.WHOLE ? Long.toString(cursor.position())
        : cursor.position() + "." + cursor.member();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** The place {@code text} encodes; anything this class did not write is a 400 {@code invalidValue}. */
  static EventCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
      int dot = plain.indexOf('.');
      return dot < 0 ? EventCursor.after(Long.parseLong(plain))
          : new EventCursor(Long.parseLong(plain.substring(0, dot)), Integer.parseInt(plain.substring(dot + 1)));
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw ScimException.invalidValue("Query parameter 'after' must be an event's 'cursor' or a page's"
          + " 'nextCursor' from this API, was '" + text + "'");
    }
  }
}
