package io.scimgate.benchmarks.report;

import java.util.Map;

/**
 * One entry of JMH's JSON result file ({@code -rf json}).
 *
 * @param error half the 99.9 % confidence interval, NaN when JMH had too few iterations to compute one
 */
record JmhResult(String benchmark, Map<String, String> params, String mode, double score, double error,
    String unit) {

  /** The benchmark without its package: {@code FilterBenchmark.parse}. */
  String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1);
  }
}
