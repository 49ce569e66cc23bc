package io.scimgate.benchmarks.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latencies per request kind and outcomes per status, recorded only once the warm-up is over. Used from the
 * load generator's single event loop, so it needs no locking.
 */
final class Recorder {
  private final Map<String, Histogram> latencies = new TreeMap<>();
  private final Map<String, Long> statuses = new TreeMap<>();
  private boolean measuring;
  private long operations;

  void startMeasuring() {
    measuring = true;
  }

  boolean measuring() {
    return measuring;
  }

  void request(String kind, int status, long nanos) {
    if (!measuring) {
      return;
    }
    latencies.computeIfAbsent(kind, k -> new Histogram(60_000_000_000L, 3)).recordValue(nanos);
    statuses.merge(kind + " " + status, 1L, Long::sum);
  }

  /** One workload step (an IdP "operation": e.g. lookup + create) finished. */
  void operation() {
    if (measuring) {
      operations++;
    }
  }

  Map<String, Histogram> latencies() {
    return latencies;
  }

  Map<String, Long> statuses() {
    return statuses;
  }

  long operations() {
    return operations;
  }

  long requests() {
    return latencies.values().stream().mapToLong(Histogram::getTotalCount).sum();
  }
}
