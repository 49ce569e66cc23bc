package io.scimgate.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimgate.app.connectors.ConnectorTimings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long connectors take to rewrite what IdPs send ({@code scimgate_connector_normalization_seconds}, per
 * connector and hook): a third-party connector that is slow shows up here before it shows up in request latency.
 */
final class ConnectorMetrics implements ConnectorTimings {
  static final String NORMALIZATION = "scimgate.connector.normalization";
  /** A rewrite is a few microseconds of JSON work; milliseconds mean a connector does too much. */
  private static final Duration[] BUCKETS = {Duration.ofNanos(10_000), Duration.ofNanos(50_000),
      Duration.ofNanos(100_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(5),
      Duration.ofMillis(25), Duration.ofMillis(100)};

  private record Series(String connector, String hook) {}

  private final MeterRegistry registry;
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

  ConnectorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void record(String connector, String hook, long nanos) {
    timers.computeIfAbsent(new Series(connector, hook), this::timer).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Series series) {
    return Timer.builder(NORMALIZATION)
        .description("Time connectors take to normalize what IdPs send, per connector and hook")
        .tag("connector", series.connector()).tag("hook", series.hook())
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
