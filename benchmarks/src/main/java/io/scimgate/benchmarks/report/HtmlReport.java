package io.scimgate.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Turns the JSON results in a reports directory (load runs and JMH's {@code jmh.json}) into one self-contained
 * {@code index.html} beside them: throughput of gateway vs ceiling and pgbench, latency percentiles and statuses
 * per workload, and the micro-benchmark table. Charts are inline SVG; the page loads nothing from anywhere, so it
 * can be attached to an issue or opened offline.
 *
 * <pre>HtmlReport [directory, default benchmarks/target/reports]</pre>
 * Not thread-safe and not meant to be: a command-line tool that runs once.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "benchmarks/target/reports");
    Results results = ResultsLoader.load(directory);
    results.skipped().forEach(reason -> System.err.println("skipped " + reason));
    System.out.println("report: " + write(directory, results));
  }

  /** Writes {@code index.html} into {@code directory} (created if needed) and returns its path. */
  public static Path write(Path directory) throws IOException {
    return write(directory, ResultsLoader.load(directory));
  }

  private static Path write(Path directory, Results results) throws IOException {
    Files.createDirectories(directory);
    Path page = directory.resolve("index.html");
    Files.writeString(page, ReportPage.render(results, directory.toString(), Instant.now()), StandardCharsets.UTF_8);
    return page;
  }
}
