package io.scimgate.connectors.api;

/**
 * Checks for the plain text of a {@link SetupGuide}: the admin portal sets it as text (never as HTML), so the
 * checks only keep it readable and bounded: no control characters other than line breaks where allowed.
 */
final class PlainText {
  private PlainText() {}

  /** {@code value} itself, if it is non-blank plain text of at most {@code maxLength} characters. */
  static String required(String value, String field, int maxLength, boolean lineBreaks) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return bounded(value, field, maxLength, lineBreaks);
  }

  /** {@code value} itself, if it is plain text (possibly empty) of at most {@code maxLength} characters. */
  static String bounded(String value, String field, int maxLength, boolean lineBreaks) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && !(lineBreaks && c == '\n')) {
        throw new IllegalArgumentException(field + " contains a control character (U+"
            + String.format("%04X", (int) c) + ")" + (lineBreaks ? "; only \\n is allowed" : ""));
      }
    }
    return value;
  }
}
