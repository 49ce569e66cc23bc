package io.scimgate.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Throughput of the gateway against the ceiling server and pgbench, per workload, and the list of runs behind it.
 * The gateway / ceiling ratio is the one number to watch across changes: it divides out the machine, which
 * absolute rates do not. Ceiling / pgbench is what HTTP and a Java client cost over the bare statements.
 */
final class ThroughputSection {
  private ThroughputSection() {}

  static void render(StringBuilder out, Map<String, List<LoadRun>> workloads) {
    out.append("<h2>Load: throughput</h2>\n");
    if (workloads.isEmpty()) {
      out.append("<p class=\"none\">No load runs here: <code>benchmarks/run.sh load &lt;workload&gt;</code>, "
          + "<code>benchmarks/run.sh ceiling &lt;workload&gt;</code> and <code>benchmarks/run.sh pgbench "
          + "&lt;workload&gt;</code> write them.</p>\n");
      return;
    }
    out.append("<p>IdP operations per second (an operation is e.g. Okta's lookup + create), median over runs "
        + "with min–max when a workload ran several times. <em>Gateway / ceiling</em> divides the medians: the "
        + "share of a bare HTTP + one-SQL-statement server's rate that the gateway reaches. <em>pgbench</em> runs "
        + "the ceiling's statements with no HTTP and no Java at all (one pgbench transaction per operation); "
        + "<em>ceiling / pgbench</em> is the share of that left once HTTP and Vert.x are in the way.</p>\n");
    SvgBarChart chart = SvgBarChart.of("ops/s");
    out.append("<table>\n");
    Html.head(out, "Workload", "Gateway ops/s", "Ceiling ops/s", "pgbench ops/s", "Gateway / ceiling",
        "Ceiling / pgbench", "Gateway req/s", "Ceiling req/s");
    workloads.forEach((workload, runs) -> {
      Spread gateway = spread(runs, LoadRun.GATEWAY, LoadRun::operationsPerSecond);
      Spread ceiling = spread(runs, LoadRun.CEILING, LoadRun::operationsPerSecond);
      Spread pgbench = spread(runs, LoadRun.PGBENCH, LoadRun::operationsPerSecond);
      Html.row(out, null, Html.esc(workload), Html.esc(gateway.describe()), Html.esc(ceiling.describe()),
          Html.esc(pgbench.describe()), Html.esc(Html.percent(gateway.median() / ceiling.median())),
          Html.esc(Html.percent(ceiling.median() / pgbench.median())),
          Html.esc(spread(runs, LoadRun.GATEWAY, LoadRun::requestsPerSecond).describe()),
          Html.esc(spread(runs, LoadRun.CEILING, LoadRun::requestsPerSecond).describe()));
      chart.bar(workload, LoadRun.GATEWAY, gateway).bar(workload, LoadRun.CEILING, ceiling)
          .bar(workload, LoadRun.PGBENCH, pgbench);
    });
    out.append("</table>\n")
        .append(chart.toSvg("Operations per second, gateway, ceiling and pgbench, per workload"));
    runs(out, workloads);
  }

  private static Spread spread(List<LoadRun> runs, String target, ToDoubleFunction<LoadRun> metric) {
    return Spread.of(Results.of(runs, target).stream().map(run -> metric.applyAsDouble(run)).toList());
  }

  private static void runs(StringBuilder out, Map<String, List<LoadRun>> workloads) {
    out.append("<details><summary>Runs</summary>\n<table>\n");
    Html.head(out, "File", "Workload", "Target", "Finished", "Concurrency", "Measured s", "ops/s", "req/s");
    workloads.values().stream().flatMap(List::stream).forEach(run -> Html.row(out, null, Html.esc(run.file()),
        Html.esc(run.workload()), Html.esc(run.target()), Html.esc(run.finishedAt()),
        Integer.toString(run.concurrency()), Html.esc(Html.num(run.measuredSeconds())),
        Html.esc(Html.num(run.operationsPerSecond())), Html.esc(Html.num(run.requestsPerSecond()))));
    out.append("</table>\n</details>\n");
  }
}
