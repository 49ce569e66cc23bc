package io.scimgate.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuAndProfileSectionTest {
  @TempDir
  Path dir;

  @Test
  void showsCpuPerOperationOfGatewayAndCeilingAndTheCommitMeasured() throws IOException {
    run("deactivate-gateway-20260101T000000Z.json", "gateway", 1.25, 0.4);
    run("deactivate-gateway-20260101T000100Z.json", "gateway", 1.75, 0.6);
    run("deactivate-ceiling-20260101T000200Z.json", "ceiling", 0.3, 0.35);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).contains("where the CPU goes", "Commit(s) measured: abc1234")
        .contains("<td>deactivate</td><td>1.50</td><td>0.50</td><td>0.30</td><td>0.35</td><td>–</td>");
  }

  @Test
  void runsWithoutCpuFiguresShowNoCpuSection() throws IOException {
    Files.writeString(dir.resolve("old-gateway-20250101T000000Z.json"), """
        {"workload": "old", "target": "gateway", "operationsPerSecond": 10, "requests": {}, "statuses": {}}
        """);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).doesNotContain("where the CPU goes").contains("Commit(s) measured: unknown");
  }

  @Test
  void showsProfilesByAreaAndMethod() throws IOException {
    Files.writeString(dir.resolve("okta-import-profile-20260101T000000Z.json"), """
        {"profileOf": "okta-import", "recording": "okta-import.jfr", "samples": 4200,
         "selfByArea": {"HTTP and TCP (Netty)": 31.5, "JSON (Jackson)": 12.25},
         "selfByMethod": {"io.netty.channel.epoll.Native.epollWait": 9.0},
         "inclusiveOwnMethods": {"io.scimgate.app.http.ScimRouter.handle": 61.0}}
        """);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).contains("where the gateway's time goes", "okta-import (4,200 samples)",
        "<td>HTTP and TCP (Netty)</td><td>31.5</td>", "<td>JSON (Jackson)</td><td>12.3</td>",
        "<td>io.scimgate.app.http.ScimRouter.handle</td><td>61.0</td>").doesNotContain("Skipped files");
  }

  @Test
  void comparesTwoNodesWithOne() throws IOException {
    Files.writeString(dir.resolve("deactivate-gateway-20260101T000000Z.json"), """
        {"workload": "deactivate", "target": "gateway", "operationsPerSecond": 800, "requests": {}, "statuses": {}}
        """);
    Files.writeString(dir.resolve("deactivate-2nodes-gateway-20260101T000100Z.json"), """
        {"workload": "deactivate-2nodes", "target": "gateway", "operationsPerSecond": 600, "requests": {},
         "statuses": {}}
        """);

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html).contains("Two nodes on one database",
        "<td>deactivate</td><td>800</td><td>600</td><td>75 %</td>");
  }

  private void run(String file, String target, double serverMs, double postgresMs) throws IOException {
    Files.writeString(dir.resolve(file), """
        {"workload": "deactivate", "target": "%s", "concurrency": 64, "measuredSeconds": 20.0,
         "operationsPerSecond": 500, "requestsPerSecond": 500, "requests": {}, "statuses": {},
         "cpu": {"server": {"msPerOperation": %s, "cores": 0.6}, "postgres": {"msPerOperation": %s, "cores": 0.3},
                 "client": {"msPerOperation": "NaN", "cores": "NaN"}},
         "environment": {"commit": "abc1234", "pinning": "server and PostgreSQL on CPU 1"}}
        """.formatted(target, serverMs, postgresMs));
  }
}
