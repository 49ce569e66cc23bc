package io.scimgate.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result of one run: a console table and a JSON file. Each run writes a file of its own,
 * {@code <workload>-<gateway|ceiling>-<yyyyMMdd'T'HHmmss'Z'>.json}, so that repeated runs accumulate for the
 * HTML report (median and spread over runs) instead of overwriting each other.
 */
final class Report {
  private final Options options;
  private final Recorder recorder;
  private final double seconds;
  private final CpuTimes.Usage cpu;

  Report(Options options, Recorder recorder, long measuredNanos, CpuTimes.Usage cpu) {
    this.options = options;
    this.recorder = recorder;
    this.seconds = measuredNanos / 1e9;
    this.cpu = cpu;
  }

  void print() {
    System.out.printf(Locale.ROOT, "%s, concurrency %d, %.1f s measured after %d s warm-up%n", options.workload(),
        options.concurrency(), seconds, options.warmup());
    System.out.printf(Locale.ROOT, "  operations/s %.0f   requests/s %.0f%n", recorder.operations() / seconds,
        recorder.requests() / seconds);
    System.out.printf(Locale.ROOT, "  %-22s %8s %8s %8s %8s %8s%n", "request", "count", "p50 ms", "p99 ms",
        "p99.9 ms", "max ms");
    for (Map.Entry<String, Histogram> entry : recorder.latencies().entrySet()) {
      Histogram h = entry.getValue();
      System.out.printf(Locale.ROOT, "  %-22s %8d %8.2f %8.2f %8.2f %8.2f%n", entry.getKey(), h.getTotalCount(),
          ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
          ms(h.getMaxValue()));
    }
    System.out.println("  statuses: " + recorder.statuses());
    System.out.printf(Locale.ROOT, "  CPU ms/operation: server %.3f, postgres %.3f, client %.3f"
            + "   (cores busy: %.2f, %.2f, %.2f)%n", cpu.server().msPerOperation(), cpu.postgres().msPerOperation(),
        cpu.client().msPerOperation(), cpu.server().cores(), cpu.postgres().cores(), cpu.client().cores());
  }

  /** Gateway runs and ceiling runs of one workload are told apart by the file name and by {@code target}. */
  Path writeJson(Path directory, Instant finished) throws IOException {
    String target = options.ceilingPort() > 0 ? "ceiling" : "gateway";
    Instant at = finished.truncatedTo(ChronoUnit.SECONDS);
    Path file = directory.resolve(ReportFiles.name(options.workload(), target, at));
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode().put("workload", options.workload()).put("target", target)
        .put("finishedAt", at.toString())
        .put("concurrency", options.concurrency()).put("warmupSeconds", options.warmup())
        .put("measuredSeconds", seconds).put("operationsPerSecond", recorder.operations() / seconds)
        .put("requestsPerSecond", recorder.requests() / seconds);
    ObjectNode requests = root.putObject("requests");
    // avgMs is the one figure pgbench gives per statement: with it the report compares all three targets
    recorder.latencies().forEach((kind, h) -> requests.putObject(kind).put("count", h.getTotalCount())
        .put("avgMs", h.getMean() / 1e6).put("p50Ms", ms(h.getValueAtPercentile(50)))
        .put("p99Ms", ms(h.getValueAtPercentile(99))).put("p999Ms", ms(h.getValueAtPercentile(99.9)))
        .put("maxMs", ms(h.getMaxValue())));
    ObjectNode statuses = root.putObject("statuses");
    recorder.statuses().forEach(statuses::put);
    cpu.writeTo(root.putObject("cpu"));
    BenchEnvironment.current().writeTo(root.putObject("environment"));
    Files.createDirectories(directory);
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
