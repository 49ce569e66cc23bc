package io.scimgate.benchmarks.report;

import java.util.Map;

/**
 * One profiled run as {@code profile/HotMethods} wrote it: shares of the gateway's execution samples, in percent.
 *
 * @param label the run's workload label
 */
record Profile(String label, long samples, Map<String, Double> selfByArea, Map<String, Double> selfByMethod,
    Map<String, Double> inclusiveOwnMethods) {}
