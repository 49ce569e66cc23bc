package io.scimgate.benchmarks.report;

import java.util.Map;

/**
 * One load-generator run as {@code load/Report.writeJson} wrote it.
 *
 * @param target     {@code gateway} or {@code ceiling}
 * @param requests   latencies per request kind, in milliseconds
 * @param statuses   counts keyed {@code "<request kind> <status>"}; 599 means no HTTP response at all
 * @param cpu        CPU used in the measured window by the server, PostgreSQL and the load generator
 * @param commit     the commit measured ({@code unknown} for runs written before it was recorded)
 */
record LoadRun(String file, String workload, String target, String finishedAt, int concurrency,
    double measuredSeconds, double operationsPerSecond, double requestsPerSecond, Map<String, Latency> requests,
    Map<String, Long> statuses, Cpu cpu, String commit) {

  static final String GATEWAY = "gateway";
  static final String CEILING = "ceiling";

  /** The percentiles of one request kind in one run. */
  record Latency(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {}

  /** CPU milliseconds per operation and cores kept busy, per side; NaN where not measured. */
  record Cpu(double serverMsPerOperation, double postgresMsPerOperation, double clientMsPerOperation,
      double serverCores, double postgresCores) {
    static final Cpu UNKNOWN = new Cpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
