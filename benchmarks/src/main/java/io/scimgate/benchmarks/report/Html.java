package io.scimgate.benchmarks.report;

import java.util.Locale;

/** Escaping and number formatting for the report; every string that reaches the page goes through {@link #esc}. */
final class Html {
  private Html() {}

  /** Escapes text for element content and quoted attribute values alike (HTML and inline SVG). */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** About three significant digits: enough to compare runs, few enough to read at a glance. */
  static String num(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String percent(double ratio) {
    return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }

  /** One table row of already escaped cells. */
  static void row(StringBuilder out, String cssClass, String... cells) {
    out.append(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
    for (String cell : cells) {
      out.append("<td>").append(cell).append("</td>");
    }
    out.append("</tr>\n");
  }

  /** A table header row of plain text cells. */
  static void head(StringBuilder out, String... cells) {
    out.append("<tr>");
    for (String cell : cells) {
      out.append("<th>").append(esc(cell)).append("</th>");
    }
    out.append("</tr>\n");
  }
}
