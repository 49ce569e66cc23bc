package io.scimgate.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final String JMH = """
      [{"jmhVersion":"1.37","benchmark":"io.scimgate.benchmarks.micro.FilterBenchmark.parse","mode":"avgt",
        "threads":1,"forks":1,"params":{"filter":"userName"},
        "primaryMetric":{"score":123.456,"scoreError":4.5,"scoreUnit":"ns/op"}},
       {"jmhVersion":"1.37","benchmark":"io.scimgate.benchmarks.micro.PatchBenchmark.oktaDeactivate","mode":"avgt",
        "primaryMetric":{"score":2345.0,"scoreError":"NaN","scoreUnit":"ns/op"}}]
      """;

  @TempDir
  Path dir;

  @Test
  void showsThroughputOfGatewayAndCeilingWithMedianSpreadAndRatio() throws IOException {
    run("okta-import-gateway-20260101T000000Z.json", "okta-import", "gateway", 1200, "lookup userName 200", 10);
    run("okta-import-gateway-20260101T000100Z.json", "okta-import", "gateway", 1400, "lookup userName 200", 12);
    run("okta-import-ceiling-20260101T000200Z.json", "okta-import", "ceiling", 2600, "lookup userName 200", 30);
    run("deactivate-gateway-20260101T000300Z.json", "deactivate", "gateway", 800, "patch active 500", 3);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "okta-import", "deactivate",
        "1,300 (1,200–1,400, 2 runs)", "2,600", "50 %", "lookup userName · gateway", "p99.9");
    assertThat(html).contains("<tr class=\"error\"><td>gateway</td><td>patch active</td><td>500</td><td>3</td>");
  }

  @Test
  void showsPgbenchBesideGatewayAndCeilingWithTheRatioOfCeilingToPgbench() throws IOException {
    run("okta-import-gateway-20260101T000000Z.json", "okta-import", "gateway", 1000, "lookup userName 200", 10);
    run("okta-import-ceiling-20260101T000100Z.json", "okta-import", "ceiling", 2500, "lookup userName 200", 30);
    pgbenchRun("okta-import-pgbench-20260101T000200Z.json", 5000, 0.25);
    pgbenchRun("okta-import-pgbench-20260101T000300Z.json", 6000, 0.75);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).contains("<th>pgbench ops/s</th>", "<th>Ceiling / pgbench</th>",
        "<tr><td>okta-import</td><td>1,000</td><td>2,500</td><td>5,500 (5,000–6,000, 2 runs)</td><td>40 %</td>"
            + "<td>45 %</td>",
        "Operations per second, gateway, ceiling and pgbench, per workload", "<td>okta-import-pgbench-20260101T000200Z"
            + ".json</td><td>okta-import</td><td>pgbench</td>");
    String latency = html.substring(html.indexOf("<h2>Load: latency and statuses</h2>"));
    assertThat(latency).contains(">lookup userName · pgbench</text>", ">okta-import operation · pgbench</text>",
        "avg: 0.50 (0.25–0.75, 2 runs) ms", "p99: 9.00 (2 runs) ms",
        "<tr><td>pgbench</td><td>okta-import</td><td>ok</td><td>2,468</td><td>100 %</td></tr>");
  }

  @Test
  void showsJmhScoresWithErrorAndUnit() throws IOException {
    Files.writeString(dir.resolve("jmh.json"), JMH);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).contains("<td>FilterBenchmark.parse</td><td>filter=userName</td><td>avgt</td><td>123</td>"
        + "<td>4.50</td><td>ns/op</td>");
    assertThat(html).contains("<td>PatchBenchmark.oktaDeactivate</td><td></td><td>avgt</td><td>2,345</td>"
        + "<td>–</td><td>ns/op</td>");
  }

  @Test
  void escapesEveryStringFromTheFiles() throws IOException {
    run("x-gateway-20260101T000000Z.json", "<script>alert('x')</script>", "gateway", 10, "a&b \"q\" 200", 1);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).doesNotContain("<script").doesNotContain("a&b")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "a&amp;b &quot;q&quot;");
  }

  @Test
  void drawsScaleCurvesFromLabelledRuns() throws IOException {
    run("a-gateway-20260101T000000Z.json", "group-storm@1000", "gateway", 900, "add member 204", 10);
    run("b-gateway-20260101T000100Z.json", "group-storm@100000", "gateway", 850, "add member 204", 10);
    run("c-gateway-20260101T000200Z.json", "group-storm@10000", "gateway", 880, "add member 204", 10);

    String html = Files.readString(HtmlReport.write(dir));

    String scale = html.substring(html.indexOf("<h2>Scale</h2>"));
    assertThat(scale).contains("<h3>group-storm</h3>", "group-storm: operations/s by size", "7.25")
        .containsSubsequence("<td>1,000</td><td>900</td>", "<td>10,000</td><td>880</td>",
            "<td>100,000</td><td>850</td>");
  }

  @Test
  void isSelfContained() throws IOException {
    run("okta-import-gateway-20260101T000000Z.json", "okta-import", "gateway", 100, "create user 201", 5);
    Files.writeString(dir.resolve("jmh.json"), JMH);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "src=");
  }

  @Test
  void listsFilesItCannotReadAndSaysWhatIsMissing() throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{\"workload\": ");

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).contains("Skipped files", "broken.json", "No load runs here", "No <code>jmh.json</code>");
  }

  /** A load run in the shape {@code load/Report.writeJson} writes. */
  private void run(String file, String workload, String target, double opsPerSecond, String status, long count)
      throws IOException {
    String kind = status.substring(0, status.lastIndexOf(' '));
    Files.writeString(dir.resolve(file), """
        {"workload": %s, "target": "%s", "finishedAt": "2026-01-01T00:00:00Z", "concurrency": 8,
         "warmupSeconds": 1, "measuredSeconds": 3.0, "operationsPerSecond": %s, "requestsPerSecond": %s,
         "requests": {%s: {"count": %d, "p50Ms": 1.5, "p99Ms": 7.25, "p999Ms": 12.0, "maxMs": 20.0}},
         "statuses": {%s: %d}}
        """.formatted(json(workload), target, opsPerSecond, 2 * opsPerSecond, json(kind), count, json(status),
        count));
  }

  /**
   * A pgbench run in the shape {@code pgbench/PgbenchReport.writeJson} writes: statements with avgMs only, the
   * operation's percentiles from the transaction log, and {@code ok} statuses.
   */
  private void pgbenchRun(String file, double tps, double lookupAvgMs) throws IOException {
    Files.writeString(dir.resolve(file), """
        {"workload": "okta-import", "target": "pgbench", "finishedAt": "2026-01-01T00:00:00Z", "concurrency": 8,
         "warmupSeconds": 1, "measuredSeconds": 3, "operationsPerSecond": %s, "latencyAverageMs": 1.6,
         "requests": {"lookup userName": {"avgMs": %s, "failures": 0}, "create user": {"avgMs": 1.2, "failures": 0}},
         "operations": {"okta-import": {"count": 1234, "avgMs": 1.6, "p50Ms": 1.5, "p99Ms": 9.0, "p999Ms": 15.0,
           "maxMs": 30.0}},
         "statuses": {"okta-import ok": 1234}, "pgbench": "pgbench -n -M prepared"}
        """.formatted(tps, lookupAvgMs));
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
