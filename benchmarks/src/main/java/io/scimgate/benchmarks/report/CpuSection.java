package io.scimgate.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * CPU per IdP operation, gateway against ceiling, on each side of the database socket. With the server and
 * PostgreSQL sharing one core, throughput is roughly one second divided by their CPU per operation; this table
 * says how much of the gap to the ceiling is the gateway's own work and how much is extra database work (more
 * statements, triggers, bigger rows).
 */
final class CpuSection {
  private CpuSection() {}

  static void render(StringBuilder out, Map<String, List<LoadRun>> workloads) {
    if (workloads.values().stream().flatMap(List::stream)
        .allMatch(run -> Double.isNaN(run.cpu().serverMsPerOperation()))) {
      return;
    }
    out.append("<h2>Load: where the CPU goes</h2>\n<p>CPU milliseconds per operation in the measured window "
        + "(user + system time of all threads, from <code>/proc</code>), median over runs; <em>cores</em> is CPU "
        + "seconds per second. PostgreSQL counts every <code>postgres</code> process.</p>\n<table>\n");
    Html.head(out, "Workload", "Gateway ms/op", "PostgreSQL ms/op (gateway)", "Ceiling ms/op",
        "PostgreSQL ms/op (ceiling)", "PostgreSQL ms/op (pgbench)", "Gateway cores", "PostgreSQL cores (gateway)",
        "Client ms/op (gateway)");
    workloads.forEach((workload, runs) -> Html.row(out, null, Html.esc(workload),
        median(runs, LoadRun.GATEWAY, cpu -> cpu.serverMsPerOperation()),
        median(runs, LoadRun.GATEWAY, cpu -> cpu.postgresMsPerOperation()),
        median(runs, LoadRun.CEILING, cpu -> cpu.serverMsPerOperation()),
        median(runs, LoadRun.CEILING, cpu -> cpu.postgresMsPerOperation()),
        median(runs, LoadRun.PGBENCH, cpu -> cpu.postgresMsPerOperation()),
        median(runs, LoadRun.GATEWAY, cpu -> cpu.serverCores()),
        median(runs, LoadRun.GATEWAY, cpu -> cpu.postgresCores()),
        median(runs, LoadRun.GATEWAY, cpu -> cpu.clientMsPerOperation())));
    out.append("</table>\n");
  }

  private static String median(List<LoadRun> runs, String target, ToDoubleFunction<LoadRun.Cpu> metric) {
    return Html.esc(Html.num(Spread.of(Results.of(runs, target).stream()
        .map(run -> metric.applyAsDouble(run.cpu())).toList()).median()));
  }
}
