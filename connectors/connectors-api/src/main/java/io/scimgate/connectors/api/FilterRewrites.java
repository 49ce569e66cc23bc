package io.scimgate.connectors.api;

import java.util.Locale;
import java.util.Set;

/**
 * Rewrites of filter text (RFC 7644 §3.4.2.2) for dialects that bend its grammar. Pure string functions; string
 * literals are never touched.
 */
public final class FilterRewrites {
  private static final Set<String> OPERATORS =
      Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr");

  private FilterRewrites() {}

  /**
   * {@code emails[type eq "work"].value eq "x"} (a PATCH path used as a filter, as Microsoft's SCIM tutorial
   * does) to the RFC form {@code emails[type eq "work" and value eq "x"]}. Text that does not have this shape is
   * returned unchanged.
   */
  public static String subAttributeAfterValueFilter(String filter) {
    StringBuilder out = new StringBuilder(filter.length() + 8);
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '"') {
        int end = endOfString(filter, i);
        out.append(filter, i, end);
        i = end;
      } else if (c == ']' && i + 1 < filter.length() && filter.charAt(i + 1) == '.') {
        int end = appendMovedComparison(filter, i, out);
        i = end > i ? end : appendChar(out, c, i);
      } else {
        i = appendChar(out, c, i);
      }
    }
    return out.toString();
  }

  /**
   * Qualifies a bare attribute name with its schema: {@code qualify(f, "manager", "urn:...:User:manager")} turns
   * {@code manager.value eq "271"} into {@code urn:...:User:manager.value eq "271"} (RFC 7644 §3.10 asks for the
   * URN on extension attributes; some IdPs leave it out). Only attribute paths are rewritten, never literals.
   */
  public static String qualify(String filter, String bareName, String qualifiedName) {
    StringBuilder out = new StringBuilder(filter.length() + qualifiedName.length());
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '"') {
        int end = endOfString(filter, i);
        out.append(filter, i, end);
        i = end;
      } else if (Character.isLetter(c) && (i == 0 || !isPathChar(filter.charAt(i - 1)))) {
        int end = i;
        while (end < filter.length() && isPathChar(filter.charAt(end))) {
          end++;
        }
        String token = filter.substring(i, end);
        boolean bare = token.equalsIgnoreCase(bareName)
            || token.regionMatches(true, 0, bareName + ".", 0, bareName.length() + 1);
        out.append(bare ? qualifiedName + token.substring(bareName.length()) : token);
        i = end;
      } else {
        i = appendChar(out, c, i);
      }
    }
    return out.toString();
  }

  private static boolean isPathChar(char c) {
    return Character.isLetterOrDigit(c) || "_-$.:".indexOf(c) >= 0;
  }

  private static int appendChar(StringBuilder out, char c, int i) {
    out.append(c);
    return i + 1;
  }

  /** At {@code ].sub op value}: appends {@code  and sub op value]} and returns the index after it, else i. */
  private static int appendMovedComparison(String filter, int i, StringBuilder out) {
    int subEnd = endOfName(filter, i + 2);
    int opStart = skipSpaces(filter, subEnd);
    int opEnd = endOfName(filter, opStart);
    if (subEnd == i + 2 || opStart == subEnd || !OPERATORS.contains(filter.substring(opStart, opEnd)
        .toLowerCase(Locale.ROOT))) {
      return i;
    }
    String comparison = filter.substring(i + 2, subEnd) + " " + filter.substring(opStart, opEnd);
    int end = opEnd;
    if (!filter.substring(opStart, opEnd).equalsIgnoreCase("pr")) {
      int valueStart = skipSpaces(filter, opEnd);
      end = valueStart < filter.length() && filter.charAt(valueStart) == '"'
          ? endOfString(filter, valueStart) : endOfValue(filter, valueStart);
      if (end == valueStart || valueStart == opEnd) {
        return i;
      }
      comparison += " " + filter.substring(valueStart, end);
    }
    out.append(" and ").append(comparison).append(']');
    return end;
  }

  private static int endOfString(String text, int quote) {
    int i = quote + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, text.length());
  }

  private static int endOfName(String text, int from) {
    int i = from;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_-$".indexOf(text.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  private static int endOfValue(String text, int from) {
    int i = from;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ')'
        && text.charAt(i) != ']') {
      i++;
    }
    return i;
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
