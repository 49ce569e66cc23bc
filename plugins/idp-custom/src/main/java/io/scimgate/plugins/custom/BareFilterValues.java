package io.scimgate.plugins.custom;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotes the bare string values some clients put in filters: Microsoft's SCIM reference Postman collection sends
 * {@code userName sw O}, {@code name.familyName eq Employee} and {@code meta.created gt 2015-10-10T14:38:21Z},
 * which RFC 7644 §3.4.2.2 does not allow (a string value is a JSON string). A word right after a comparison
 * operator that follows an attribute path becomes {@code "word"}, unless it is {@code true}, {@code false},
 * {@code null} or a JSON number, which the grammar allows bare. Quoted strings are copied untouched, so quoting
 * twice changes nothing. The gateway's own parser stays strict: only connections of this connector get this.
 */
final class BareFilterValues {
  private static final Set<String> OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
  private static final Set<String> LITERALS = Set.of("true", "false", "null");
  private static final Set<String> LOGICAL = Set.of("and", "or", "not");
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern ATTRIBUTE_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_$:.-]*");

  private BareFilterValues() {}

  static String quote(String filter) {
    StringBuilder out = new StringBuilder(filter.length() + 16);
    String previous = null; // the last two tokens, whitespace skipped
    String beforePrevious = null;
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      int end;
      if (Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      if (c == '"') {
        end = endOfString(filter, i);
        out.append(filter, i, end);
      } else if ("()[]".indexOf(c) >= 0) {
        end = i + 1;
        out.append(c);
      } else {
        end = endOfWord(filter, i);
        String word = filter.substring(i, end);
        out.append(isBareString(word, previous, beforePrevious) ? quoted(word) : word);
      }
      beforePrevious = previous;
      previous = filter.substring(i, end);
      i = end;
    }
    return out.toString();
  }

  private static boolean isBareString(String word, String operator, String attribute) {
    return operator != null && attribute != null && OPERATORS.contains(operator.toLowerCase(Locale.ROOT))
        && ATTRIBUTE_PATH.matcher(attribute).matches() && !LOGICAL.contains(attribute.toLowerCase(Locale.ROOT))
        && !LITERALS.contains(word.toLowerCase(Locale.ROOT)) && !NUMBER.matcher(word).matches();
  }

  private static String quoted(String word) {
    return '"' + word.replace("\\", "\\\\") + '"';
  }

  /** The same word boundaries as the gateway's filter lexer. */
  private static int endOfWord(String text, int from) {
    int i = from;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()[]\"".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static int endOfString(String text, int quote) {
    int i = quote + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, text.length());
  }
}
