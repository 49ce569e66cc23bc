package io.scimgate.app.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java source file split the way a SQL check needs it: the contents of its string literals and text blocks,
 * and its code with comments left out and every literal emptied (so that prose in comments and strings is not
 * mistaken for code, and SQL in a string is not missed). Not a full lexer: enough for source that compiles.
 */
record JavaSource(List<String> literals, String code) {

  static JavaSource of(String source) {
    List<String> literals = new ArrayList<>();
    StringBuilder code = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
        code.append(' ');
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        String quote = source.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(source.charAt(i));
        int end = closing(source, i + quote.length(), quote);
        literals.add(source.substring(i + quote.length(), end));
        code.append(quote.charAt(0)).append(quote.charAt(0));
        i = Math.min(source.length(), end + quote.length());
      } else {
        code.append(source.charAt(i++));
      }
    }
    return new JavaSource(literals, code.toString());
  }

  /** Where the literal that starts at {@code from} ends, stepping over escapes ({@code \"}). */
  private static int closing(String source, int from, String quote) {
    int at = from;
    while (at < source.length() && !source.startsWith(quote, at)) {
      at += source.charAt(at) == '\\' ? 2 : 1;
    }
    return Math.min(at, source.length());
  }
}
