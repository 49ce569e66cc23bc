package io.scimgate.app.observability;

/**
 * What a client sent, made safe for one log line: control characters (a forged second line), quotes and
 * backslashes (a forged {@code key="value"}) become {@code ?}, and the length is bounded.
 */
final class LogText {
  private LogText() {}

  static String safe(String text, int max) {
    if (text == null || text.isEmpty()) {
      return "-";
    }
    int length = Math.min(text.length(), max);
    for (int i = 0; i < length; i++) {
      if (unsafe(text.charAt(i))) {
        return replaced(text, length);
      }
    }
    return length == text.length() ? text : text.substring(0, length);
  }

  private static String replaced(String text, int length) {
    StringBuilder safe = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      safe.append(unsafe(c) ? '?' : c);
    }
    return safe.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
  }
}
