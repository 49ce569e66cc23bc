package io.scimgate.benchmarks.pgbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.benchmarks.load.BenchEnvironment;
import io.scimgate.benchmarks.load.CpuTimes;
import io.scimgate.benchmarks.load.Options;
import io.scimgate.benchmarks.load.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A pgbench run as a console table and as {@code <workload>-pgbench-<yyyyMMdd'T'HHmmss'Z'>.json}, in the shape of
 * the load generator's files with {@code "target": "pgbench"} and {@code operationsPerSecond} = pgbench's tps.
 * What pgbench cannot give is left out rather than made up:
 * <ul>
 *   <li>{@code requests}: per statement only {@code avgMs} (pgbench's {@code -r}, over executions) and
 *       {@code failures}; no count and no percentiles, so no {@code requestsPerSecond} either (pgbench does not
 *       count how often the conditional rename ran).</li>
 *   <li>{@code operations}: per script (one IdP operation each) count, avgMs and p50/p99/p99.9/max from the
 *       per-transaction log, comparable with the load generator's percentiles.</li>
 *   <li>{@code statuses}: {@code "<workload> ok"} per script, and {@code "<workload> failed"} when some failed.</li>
 * </ul>
 */
final class PgbenchReport {
  private final Options options;
  private final List<PgbenchScript> scripts;
  private final PgbenchOutput output;
  private final Map<Integer, Histogram> latencies;
  private final String command;
  private final CpuTimes.Usage cpu;

  PgbenchReport(Options options, List<PgbenchScript> scripts, PgbenchOutput output, Map<Integer, Histogram> latencies,
      String command, CpuTimes.Usage cpu) {
    // statements are matched to kinds by position: a script pgbench read differently must not be mislabelled
    for (int s = 0; s < Math.max(scripts.size(), output.scripts().size()); s++) {
      if (s >= scripts.size() || s >= output.scripts().size()
          || output.scripts().get(s).statements().size() != scripts.get(s).kinds().size()) {
        throw new IllegalStateException("pgbench's statements do not match the scripts " + scripts);
      }
    }
    this.options = options;
    this.scripts = scripts;
    this.output = output;
    this.latencies = latencies;
    this.command = command;
    this.cpu = cpu;
  }

  void print() {
    System.out.printf(Locale.ROOT, "%s (pgbench), concurrency %d, %d s measured after %d s warm-up%n",
        options.workload(), options.concurrency(), options.seconds(), options.warmup());
    System.out.printf(Locale.ROOT, "  operations/s %.0f   failed %d%n", output.tps(), output.failed());
    System.out.printf(Locale.ROOT, "  %-22s %8s %8s %8s %8s %8s %8s%n", "operation / statement", "count", "avg ms",
        "p50 ms", "p99 ms", "p99.9 ms", "max ms");
    for (int s = 0; s < scripts.size(); s++) {
      Histogram h = latencies.getOrDefault(s, new Histogram(3));
      System.out.printf(Locale.ROOT, "  %-22s %8d %8.2f %8.2f %8.2f %8.2f %8.2f%n", scripts.get(s).workload(),
          h.getTotalCount(), h.getMean() / 1e3, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
          ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
      List<PgbenchOutput.Statement> statements = output.scripts().get(s).statements();
      for (int i = 0; i < statements.size(); i++) {
        System.out.printf(Locale.ROOT, "    %-20s %8s %8.2f%n", kind(s, i), "", statements.get(i).avgMs());
      }
    }
  }

  Path writeJson(Path directory, Instant finished) throws IOException {
    Instant at = finished.truncatedTo(ChronoUnit.SECONDS);
    Path file = directory.resolve(ReportFiles.name(options.workload(), "pgbench", at));
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode().put("workload", options.workload()).put("target", "pgbench")
        .put("finishedAt", at.toString()).put("concurrency", options.concurrency())
        .put("warmupSeconds", options.warmup()).put("measuredSeconds", options.seconds())
        .put("operationsPerSecond", output.tps()).put("latencyAverageMs", output.latencyAverageMs());
    ObjectNode requests = root.putObject("requests");
    ObjectNode operations = root.putObject("operations");
    ObjectNode statuses = root.putObject("statuses");
    for (int s = 0; s < scripts.size(); s++) {
      PgbenchOutput.Script script = output.scripts().get(s);
      for (int i = 0; i < script.statements().size(); i++) {
        requests.putObject(kind(s, i)).put("avgMs", script.statements().get(i).avgMs())
            .put("failures", script.statements().get(i).failures());
      }
      Histogram h = latencies.getOrDefault(s, new Histogram(3));
      String workload = scripts.get(s).workload();
      operations.putObject(workload).put("count", h.getTotalCount()).put("avgMs", h.getMean() / 1e3)
          .put("p50Ms", ms(h.getValueAtPercentile(50))).put("p99Ms", ms(h.getValueAtPercentile(99)))
          .put("p999Ms", ms(h.getValueAtPercentile(99.9))).put("maxMs", ms(h.getMaxValue()));
      statuses.put(workload + " ok", script.transactions());
      if (script.failed() > 0) {
        statuses.put(workload + " failed", script.failed());
      }
    }
    root.put("pgbench", command);
    cpu.writeTo(root.putObject("cpu"));
    BenchEnvironment.current().writeTo(root.putObject("environment"));
    Files.createDirectories(directory);
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  /** The load generator's name for statement {@code i} of script {@code s}. */
  private String kind(int s, int i) {
    return scripts.get(s).kinds().get(i);
  }

  private static double ms(long micros) {
    return micros / 1e3;
  }
}
