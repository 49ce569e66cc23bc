package io.scimgate.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scale curves: runs labelled {@code <workload>@<size>} ({@code benchmarks/run.sh scale}) give, per workload,
 * throughput and the worst request kind's p99 against the data size (users, or members of the group). Flat is
 * the target: the cost of one IdP operation must not grow with the directory or the group.
 */
final class ScaleSection {
  private ScaleSection() {}

  static void render(StringBuilder out, Map<String, List<LoadRun>> byWorkload) {
    Map<String, Map<Long, List<LoadRun>>> curves = curves(byWorkload);
    out.append("<h2>Scale</h2>\n");
    if (curves.isEmpty()) {
      out.append("<p class=\"none\">No scale runs here: <code>benchmarks/run.sh scale &lt;workload&gt;</code> writes"
          + " them.</p>\n");
      return;
    }
    out.append("<p>The same workload at growing sizes (median over runs, min–max when several). Flat is the "
        + "target.</p>\n");
    curves.forEach((workload, bySize) -> {
      out.append("<h3>").append(Html.esc(workload)).append("</h3>\n");
      SvgBarChart throughput = SvgBarChart.of("ops/s");
      SvgBarChart p99 = SvgBarChart.of("ms");
      out.append("<table>\n");
      Html.head(out, "Size", "Operations/s", "Worst p99 ms", "Runs");
      bySize.forEach((size, runs) -> {
        Spread ops = Spread.of(runs.stream().map(LoadRun::operationsPerSecond).toList());
        Spread worst = Spread.of(runs.stream().map(ScaleSection::worstP99).toList());
        String label = Html.count(size);
        throughput.bar(label, "operations/s", ops);
        p99.bar(label, "worst p99", worst);
        Html.row(out, null, label, ops.describe(), worst.describe(), Integer.toString(runs.size()));
      });
      out.append("</table>\n").append(throughput.toSvg(workload + ": operations/s by size"))
          .append(p99.toSvg(workload + ": p99 by size"));
    });
  }

  /** {@code workload@size} runs of the gateway, grouped by workload then size (sizes in ascending order). */
  static Map<String, Map<Long, List<LoadRun>>> curves(Map<String, List<LoadRun>> byWorkload) {
    Map<String, Map<Long, List<LoadRun>>> curves = new TreeMap<>();
    byWorkload.forEach((label, runs) -> {
      int at = label.lastIndexOf('@');
      if (at <= 0) {
        return;
      }
      try {
        long size = Long.parseLong(label.substring(at + 1));
        curves.computeIfAbsent(label.substring(0, at), w -> new TreeMap<>())
            .computeIfAbsent(size, s -> new ArrayList<>()).addAll(Results.of(runs, LoadRun.GATEWAY));
      } catch (NumberFormatException notAScaleRun) {
        // a label with an @ that is not a size: shown with the other workloads only
      }
    });
    return curves;
  }

  private static double worstP99(LoadRun run) {
    return run.requests().values().stream().mapToDouble(LoadRun.Latency::p99Ms).max().orElse(Double.NaN);
  }
}
