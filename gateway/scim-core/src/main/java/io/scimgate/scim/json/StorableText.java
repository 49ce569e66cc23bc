package io.scimgate.scim.json;

/**
 * What PostgreSQL cannot store in {@code text} or {@code jsonb}: NUL, and lone UTF-16 surrogates (a JSON
 * {@code "\ud800"} escape parses to one, and it has no UTF-8 encoding). Input holding either is refused as bad
 * input before it reaches the database, where it would fail as a server error.
 */
public final class StorableText {
  private StorableText() {}

  /** Why {@code text} cannot be stored, as a phrase for an error detail; {@code null} when it can. */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "must not contain the NUL character (\\u0000)";
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode: it holds a lone surrogate (\\u" + Integer.toHexString(c) + ")";
      }
    }
    return null;
  }
}
