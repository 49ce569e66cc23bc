package io.scimgate.app.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimgate.app.config.ObservabilityConfig;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.connectors.ConnectorTimings;
import io.scimgate.invites.PipelineObserver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A node's metrics and access log. With metrics on, one Prometheus registry holds the gateway's meters (requests,
 * connectors, pipeline, backlog, plugins), Vert.x's own for the database pools ({@code vertx_pool_*}: connections in
 * use, waits for one) and the JVM's; with metrics off ({@code SCIMGATE_METRICS_PORT=off}) nothing is recorded at
 * all. Create it before the node's Vert.x: the pools report through the Vert.x it builds ({@link #vertx()}).
 */
public final class Observability {
  /** Vert.x's other metrics (event bus, sockets, its own HTTP server metrics) cost per message and say less. */
  private static final Set<String> VERTX_DOMAINS_OFF = Set.of(MetricsDomain.NET_SERVER.toCategory(),
      MetricsDomain.NET_CLIENT.toCategory(), MetricsDomain.HTTP_SERVER.toCategory(),
      MetricsDomain.HTTP_CLIENT.toCategory(), MetricsDomain.DATAGRAM_SOCKET.toCategory(),
      MetricsDomain.EVENT_BUS.toCategory(), MetricsDomain.VERTICLES.toCategory(), "sql");
  private static final String POOL_WAIT = "vertx.pool.queue.time";
  private static final Duration[] POOL_WAIT_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(5)};

  private final ObservabilityConfig config;
  private final PrometheusMeterRegistry registry;
  private final HttpMetrics httpMetrics;
  private final ConnectorTimings connectorTimings;
  private final AccessLog accessLog = new AccessLog();
  private MetricsServer server;
  private BacklogSampler sampler;
  private Vertx vertx;
  private int metricsPort = ObservabilityConfig.OFF;

  private Observability(ObservabilityConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.httpMetrics = registry == null ? null : new HttpMetrics(registry, config.metricsPerTenant());
    this.connectorTimings = registry == null ? ConnectorTimings.NONE : new ConnectorMetrics(registry);
  }

  public static Observability create(ObservabilityConfig config) {
    if (!config.metricsEnabled()) {
      return new Observability(config, null);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(poolWaitHistogram());
    return new Observability(config, registry);
  }

  /** A Vert.x whose database pools (and worker pools) report to this node's registry. */
  public Vertx vertx() {
    if (registry == null) {
      return Vertx.vertx();
    }
    // a name of its own: Vert.x keeps registries by name, JVM-wide, and tests run several nodes in one JVM
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true)
        .setRegistryName("scimgate-" + UUID.randomUUID())
        .setJvmMetricsEnabled(true)
        .setDisabledMetricsCategories(new HashSet<>(VERTX_DOMAINS_OFF))
        .setLabels(EnumSet.of(Label.POOL_TYPE, Label.POOL_NAME));
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
  }

  /** Wait for a database connection as a histogram, so that its percentiles can be alerted on. */
  private static MeterFilter poolWaitHistogram() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(POOL_WAIT)) {
          return config;
        }
        double[] nanos = new double[POOL_WAIT_BUCKETS.length];
        for (int i = 0; i < nanos.length; i++) {
          nanos[i] = POOL_WAIT_BUCKETS[i].toNanos();
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
      }
    };
  }

  /**
   * The handler that sees every request end, for the main router: {@code requestLog} first (the SCIM request
   * log), then the metrics and the access log, each if on.
   */
  public RequestEnds requestEnds(Consumer<FinishedRequest> requestLog) {
    List<Consumer<FinishedRequest>> listeners = new ArrayList<>();
    listeners.add(requestLog);
    if (httpMetrics != null) {
      listeners.add(httpMetrics);
    }
    if (config.accessLog()) {
      listeners.add(accessLog);
    }
    return new RequestEnds(listeners);
  }

  public ConnectorTimings connectorTimings() {
    return connectorTimings;
  }

  public PipelineObserver pipelineObserver() {
    return registry == null ? PipelineObserver.NONE : new PipelineMetrics(registry);
  }

  /**
   * Starts the metrics endpoint and the backlog sampler (over {@code pool}, the request pool), and registers the
   * plugin gauges; {@code missingConnectors} as readiness sees them.
   */
  public Future<Void> start(Vertx vertx, Pool pool, ConnectorRegistry connectors,
      Supplier<Set<String>> missingConnectors) {
    if (registry == null) {
      return Future.succeededFuture();
    }
    this.vertx = vertx;
    PluginGauges.register(registry, connectors, missingConnectors);
    server = new MetricsServer(registry);
    return server.start(vertx, config.metricsHost(), config.metricsPort()).map(port -> {
      metricsPort = port;
      sampler = new BacklogSampler(registry, pool);
      sampler.start(vertx);
      return null;
    });
  }

  /** The port the metrics endpoint listens on ({@link ObservabilityConfig#OFF}: none). */
  public int metricsPort() {
    return metricsPort;
  }

  /** Stops sampling (before the pool closes) and the endpoint. */
  public Future<Void> stop() {
    if (sampler != null) {
      sampler.stop(vertx);
    }
    return server == null ? Future.succeededFuture() : server.stop();
  }
}
