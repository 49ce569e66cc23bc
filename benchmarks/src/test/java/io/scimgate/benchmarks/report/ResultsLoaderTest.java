package io.scimgate.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLoaderTest {
  @TempDir
  Path dir;

  @Test
  void readsAPgbenchRunWithStatementAveragesAndOperationPercentiles() throws IOException {
    Files.writeString(dir.resolve("deactivate-pgbench-20260101T000000Z.json"), """
        {"workload": "deactivate", "target": "pgbench", "finishedAt": "2026-01-01T00:00:00Z", "concurrency": 64,
         "warmupSeconds": 15, "measuredSeconds": 30, "operationsPerSecond": 9000.5, "latencyAverageMs": 7.1,
         "requests": {"patch active": {"avgMs": 6.9, "failures": 0}},
         "operations": {"deactivate": {"count": 270015, "avgMs": 7.0, "p50Ms": 6.5, "p99Ms": 20.0, "p999Ms": 31.0,
           "maxMs": 55.0}},
         "statuses": {"deactivate ok": 270015}}
        """);

    Results results = ResultsLoader.load(dir);

    assertThat(results.skipped()).isEmpty();
    LoadRun run = results.runs().get(0);
    assertThat(run.target()).isEqualTo(LoadRun.PGBENCH);
    assertThat(run.operationsPerSecond()).isEqualTo(9000.5);
    assertThat(run.requestsPerSecond()).isNaN();
    assertThat(run.requests().get("patch active").avgMs()).isEqualTo(6.9);
    assertThat(run.requests().get("patch active").p50Ms()).isNaN();
    assertThat(run.operations().get("deactivate"))
        .isEqualTo(new LoadRun.Latency(270015, 7.0, 6.5, 20.0, 31.0, 55.0));
  }

  @Test
  void takesTheTargetFromTheFileNameWhenTheRunDoesNotSayAndLeavesAMissingAverageNaN() throws IOException {
    Files.writeString(dir.resolve("deactivate-gateway-20260101T000000Z.json"), """
        {"workload": "deactivate", "operationsPerSecond": 100,
         "requests": {"patch active": {"count": 3, "p50Ms": 1.0, "p99Ms": 2.0, "p999Ms": 3.0, "maxMs": 4.0}}}
        """);
    Files.writeString(dir.resolve("deactivate-elsewhere-20260101T000000Z.json"), "{\"workload\": \"deactivate\"}");

    Results results = ResultsLoader.load(dir);

    assertThat(results.runs()).singleElement().satisfies(run -> {
      assertThat(run.target()).isEqualTo(LoadRun.GATEWAY);
      assertThat(run.requests().get("patch active").avgMs()).isNaN();
      assertThat(run.operations()).isEmpty();
    });
    assertThat(results.skipped()).singleElement().asString().startsWith("deactivate-elsewhere-");
  }
}
