package io.scimgate.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * One load run as {@code load/Report.writeJson} or {@code pgbench/PgbenchReport.writeJson} wrote it.
 *
 * @param target     {@code gateway}, {@code ceiling} or {@code pgbench}
 * @param requests   latencies per request kind (for pgbench: per SQL statement, average only), in milliseconds
 * @param operations pgbench only: latencies of whole IdP operations (one pgbench transaction each) per workload
 * @param statuses   counts keyed {@code "<request kind> <status>"}; 599 means no HTTP response at all; pgbench's
 *                   are {@code "<workload> ok"} and {@code "<workload> failed"}
 * @param cpu        CPU used in the measured window by the server, PostgreSQL and the load generator
 * @param commit     the commit measured ({@code unknown} for runs written before it was recorded)
 */
record LoadRun(String file, String workload, String target, String finishedAt, int concurrency,
    double measuredSeconds, double operationsPerSecond, double requestsPerSecond, Map<String, Latency> requests,
    Map<String, Latency> operations, Map<String, Long> statuses, Cpu cpu, String commit) {

  static final String GATEWAY = "gateway";
  static final String CEILING = "ceiling";
  static final String PGBENCH = "pgbench";
  static final List<String> TARGETS = List.of(GATEWAY, CEILING, PGBENCH);

  /** The latencies of one request kind in one run; a figure the file does not have is NaN. */
  record Latency(long count, double avgMs, double p50Ms, double p99Ms, double p999Ms, double maxMs) {}

  /** CPU milliseconds per operation and cores kept busy, per side; NaN where not measured. */
  record Cpu(double serverMsPerOperation, double postgresMsPerOperation, double clientMsPerOperation,
      double serverCores, double postgresCores) {
    static final Cpu UNKNOWN = new Cpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
