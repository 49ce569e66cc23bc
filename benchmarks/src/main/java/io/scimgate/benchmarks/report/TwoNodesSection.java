package io.scimgate.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * Two gateway nodes on one database ({@code run.sh load <workload> --nodes 2}, labelled
 * {@code <workload>-2nodes}) against one node. On this machine both nodes share the server's one core with
 * PostgreSQL, so the ratio shows what the cross-node machinery (LISTEN/NOTIFY, row locks, the outbox claim) costs,
 * not how the gateway scales out on more hardware.
 */
final class TwoNodesSection {
  private static final String SUFFIX = "-2nodes";

  private TwoNodesSection() {}

  static void render(StringBuilder out, Map<String, List<LoadRun>> workloads) {
    List<String> twoNodeWorkloads = workloads.keySet().stream().filter(w -> w.endsWith(SUFFIX)).toList();
    if (twoNodeWorkloads.isEmpty()) {
      return;
    }
    out.append("<h2>Two nodes on one database</h2>\n<p>Operations/s, median over runs (min–max). Both nodes run "
        + "on the server's core, so this is the price of coordination, not a scale-out figure.</p>\n<table>\n");
    Html.head(out, "Workload", "One node ops/s", "Two nodes ops/s", "Two / one");
    for (String label : twoNodeWorkloads) {
      String workload = label.substring(0, label.length() - SUFFIX.length());
      Spread one = gateway(workloads.getOrDefault(workload, List.of()));
      Spread two = gateway(workloads.get(label));
      Html.row(out, null, Html.esc(workload), Html.esc(one.describe()), Html.esc(two.describe()),
          Html.esc(Html.percent(two.median() / one.median())));
    }
    out.append("</table>\n");
  }

  private static Spread gateway(List<LoadRun> runs) {
    return Spread.of(Results.of(runs, LoadRun.GATEWAY).stream().map(LoadRun::operationsPerSecond).toList());
  }
}
