package io.scimgate.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal grouped bar chart as inline SVG: one row of bars per group, one bar per series, each with its
 * value written next to it and, when runs disagree, a min–max whisker. Linear scale from zero, so that bar
 * lengths compare honestly; the written values carry the precision. No script, no external resource.
 */
final class SvgBarChart {
  private static final String[] PALETTE = {"#2f6db5", "#9aa5b1", "#e0823d", "#4c9a5b", "#a05195"};
  private static final int BAR = 14;
  private static final int GAP = 3;
  private static final int GROUP_GAP = 12;
  private static final int PLOT = 520;
  private static final int VALUE_LABEL = 150;
  private static final double CHAR = 6.6;

  private final String unit;
  private final Map<String, String> colours = new LinkedHashMap<>();
  private final Map<String, List<Bar>> groups = new LinkedHashMap<>();

  private record Bar(String series, Spread value) {}

  private SvgBarChart(String unit) {
    this.unit = unit;
  }

  /** {@code unit} follows every written value ("ops/s", "ms"). */
  static SvgBarChart of(String unit) {
    return new SvgBarChart(unit);
  }

  /** Adds a bar; series get colours in the order they first appear. A missing value adds nothing. */
  SvgBarChart bar(String group, String series, Spread value) {
    if (!value.present()) {
      return this;
    }
    colours.computeIfAbsent(series, s -> PALETTE[colours.size() % PALETTE.length]);
    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Bar(series, value));
    return this;
  }

  boolean isEmpty() {
    return groups.isEmpty();
  }

  String toSvg(String title) {
    int labelWidth = (int) (CHAR * groups.keySet().stream().mapToInt(String::length).max().orElse(0)) + 12;
    double scale = PLOT / Math.max(maximum(), Double.MIN_NORMAL);
    int width = labelWidth + PLOT + VALUE_LABEL;
    StringBuilder body = new StringBuilder();
    int y = legend(body, labelWidth);
    for (Map.Entry<String, List<Bar>> group : groups.entrySet()) {
      int height = group.getValue().size() * (BAR + GAP) - GAP;
      text(body, labelWidth - 8, y + height / 2.0 + 4, "end", group.getKey());
      for (Bar bar : group.getValue()) {
        bar(body, labelWidth, y, scale, bar);
        y += BAR + GAP;
      }
      y += GROUP_GAP - GAP;
    }
    return "<svg class=\"chart\" role=\"img\" width=\"" + width + "\" height=\"" + y + "\" viewBox=\"0 0 " + width
        + " " + y + "\"><title>" + Html.esc(title) + "</title>\n" + body + "</svg>\n";
  }

  private double maximum() {
    return groups.values().stream().flatMap(List::stream)
        .mapToDouble(bar -> Math.max(bar.value().median(), bar.value().max())).max().orElse(0);
  }

  /** The series names with their colours on the first line; the y where the bars begin. */
  private int legend(StringBuilder body, int x) {
    double at = x;
    for (Map.Entry<String, String> series : colours.entrySet()) {
      body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/>",
          at, series.getValue()));
      text(body, at + 14, 13, "start", series.getKey());
      at += 14 + CHAR * series.getKey().length() + 18;
    }
    return 24;
  }

  private void bar(StringBuilder body, int x, int y, double scale, Bar bar) {
    Spread value = bar.value();
    double length = Math.max(value.median() * scale, 1);
    body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
        + "<title>%s</title></rect>", x, y, length, BAR, colours.get(bar.series()),
        Html.esc(bar.series() + ": " + value.describe() + " " + unit)));
    if (value.runs() > 1 && value.max() > value.min()) {
      double low = x + value.min() * scale;
      double high = x + value.max() * scale;
      double mid = y + BAR / 2.0;
      body.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fH%.1fM%.1f %dV%dM%.1f %dV%d\" stroke=\"#222\" "
          + "stroke-width=\"1.2\" fill=\"none\"/>", low, mid, high, low, y + 3, y + BAR - 3, high, y + 3,
          y + BAR - 3));
    }
    double end = x + Math.max(length, value.max() * scale);
    text(body, end + 6, y + BAR - 3, "start", Html.num(value.median()) + " " + unit);
  }

  private static void text(StringBuilder body, double x, double y, String anchor, String text) {
    body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n", x, y,
        anchor, Html.esc(text)));
  }
}
