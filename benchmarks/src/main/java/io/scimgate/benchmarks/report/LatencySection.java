package io.scimgate.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Per workload: p50 / p99 / p99.9 and average per request kind for gateway and ceiling, the average per statement
 * and the percentiles per whole operation for pgbench, and the statuses the requests got. pgbench gives no
 * per-statement percentiles, so the average is the figure all three share. Latencies are measured at fixed
 * concurrency, so they include queueing; they compare between targets at the same concurrency, not with an idle
 * system.
 */
final class LatencySection {
  private LatencySection() {}

  static void render(StringBuilder out, Map<String, List<LoadRun>> workloads) {
    if (workloads.isEmpty()) {
      return;
    }
    out.append("<h2>Load: latency and statuses</h2>\n<p>Milliseconds per request from send to full response, "
        + "median over runs (whiskers: min–max over runs). For pgbench, the average per SQL statement (the only "
        + "per-statement figure pgbench gives) and, per whole operation (one pgbench transaction), the percentiles "
        + "of its per-transaction log. Statuses count every measured request (for pgbench: every operation); rows "
        + "in red are errors, 599 meaning no HTTP response at all.</p>\n");
    workloads.forEach((workload, runs) -> {
      out.append("<h3>").append(Html.esc(workload)).append("</h3>\n");
      SvgBarChart chart = SvgBarChart.of("ms");
      for (String target : LoadRun.TARGETS) {
        List<LoadRun> ofTarget = Results.of(runs, target);
        for (String kind : kinds(ofTarget, LoadRun::requests)) {
          bars(chart, kind + " · " + target, ofTarget, LoadRun::requests, kind);
        }
        for (String operation : kinds(ofTarget, LoadRun::operations)) {
          bars(chart, operation + " operation · " + target, ofTarget, LoadRun::operations, operation);
        }
      }
      if (!chart.isEmpty()) {
        out.append(chart.toSvg("Latency percentiles of " + workload));
      }
      statuses(out, runs);
    });
  }

  /** avg last, so that charts without pgbench keep their colours; a figure no run has draws no bar. */
  private static void bars(SvgBarChart chart, String group, List<LoadRun> runs, Latencies latencies, String kind) {
    chart.bar(group, "p50", percentile(runs, latencies, kind, LoadRun.Latency::p50Ms))
        .bar(group, "p99", percentile(runs, latencies, kind, LoadRun.Latency::p99Ms))
        .bar(group, "p99.9", percentile(runs, latencies, kind, LoadRun.Latency::p999Ms))
        .bar(group, "avg", percentile(runs, latencies, kind, LoadRun.Latency::avgMs));
  }

  /** A run's latencies by request kind, or by operation. */
  private interface Latencies extends Function<LoadRun, Map<String, LoadRun.Latency>> {}

  private static List<String> kinds(List<LoadRun> runs, Latencies latencies) {
    return runs.stream().flatMap(run -> latencies.apply(run).keySet().stream()).distinct().sorted().toList();
  }

  private static Spread percentile(List<LoadRun> runs, Latencies latencies, String kind,
      ToDoubleFunction<LoadRun.Latency> metric) {
    return Spread.of(runs.stream().filter(run -> latencies.apply(run).containsKey(kind))
        .map(run -> metric.applyAsDouble(latencies.apply(run).get(kind))).toList());
  }

  /** Summed over runs; the share is of all measured requests of that kind and target. */
  private static void statuses(StringBuilder out, List<LoadRun> runs) {
    out.append("<table>\n");
    Html.head(out, "Target", "Request", "Status", "Count", "Share");
    for (String target : LoadRun.TARGETS) {
      Map<String, Long> counts = new TreeMap<>();
      Results.of(runs, target).forEach(run -> run.statuses().forEach((key, n) -> counts.merge(key, n, Long::sum)));
      Map<String, Long> perKind = new TreeMap<>();
      counts.forEach((key, n) -> perKind.merge(kind(key), n, Long::sum));
      counts.forEach((key, n) -> Html.row(out, isError(status(key)) ? "error" : null, Html.esc(target),
          Html.esc(kind(key)), Html.esc(status(key)), Html.esc(Html.count(n)),
          Html.esc(Html.percent((double) n / perKind.get(kind(key))))));
    }
    out.append("</table>\n");
  }

  /** Status keys are {@code "<request kind> <status>"}, and kinds contain spaces. */
  private static String kind(String key) {
    int space = key.lastIndexOf(' ');
    return space < 0 ? key : key.substring(0, space);
  }

  private static String status(String key) {
    return key.substring(key.lastIndexOf(' ') + 1);
  }

  /** HTTP statuses below 400, and pgbench's "ok". */
  private static boolean isError(String status) {
    return !status.matches("[123]\\d\\d|ok");
  }
}
