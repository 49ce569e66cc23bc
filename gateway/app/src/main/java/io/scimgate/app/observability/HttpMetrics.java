package io.scimgate.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimgate.persistence.connection.ScimConnection;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Request metrics: a latency histogram per route template, method, status class and vendor
 * ({@code scimgate_http_server_requests_seconds}), refusals with 429 by reason, and, when asked for, a count and
 * mean latency per tenant and status class. Every label value comes from a bounded set: templates, seven
 * methods (others are {@code OTHER}), five classes, the loaded connectors; tenants only when opted in. A meter is
 * looked up in a map of this class, not built per request.
 */
final class HttpMetrics implements Consumer<FinishedRequest> {
  static final String REQUESTS = "scimgate.http.server.requests";
  static final String TENANT_REQUESTS = "scimgate.tenant.requests";
  static final String REJECTIONS = "scimgate.rate.limit.rejections";
  private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};
  /** From a cached read to a slow search: where SCIM latencies fall. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private record Series(String route, String method, String statusClass, String vendor) {}

  private record TenantSeries(UUID tenant, String statusClass) {}

  private final MeterRegistry registry;
  private final boolean perTenant;
  private final Map<Series, Timer> requests = new ConcurrentHashMap<>();
  private final Map<TenantSeries, Timer> tenants = new ConcurrentHashMap<>();
  private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

  HttpMetrics(MeterRegistry registry, boolean perTenant) {
    this.registry = registry;
    this.perTenant = perTenant;
  }

  @Override
  public void accept(FinishedRequest request) {
    ScimConnection connection = request.connection();
    String statusClass = statusClass(request.status());
    HttpMethod method = request.ctx().request().method();
    Series series = new Series(request.route(), METHODS.contains(method) ? method.name() : "OTHER", statusClass,
        connection == null ? "none" : connection.vendor());
    requests.computeIfAbsent(series, this::requestTimer).record(request.durationNanos(), TimeUnit.NANOSECONDS);
    if (perTenant && connection != null) {
      tenants.computeIfAbsent(new TenantSeries(connection.tenantId(), statusClass), this::tenantTimer)
          .record(request.durationNanos(), TimeUnit.NANOSECONDS);
    }
    if (request.status() == 429) {
      rejections.computeIfAbsent(Rejections.of(request.ctx()), this::rejectionCounter).increment();
    }
  }

  static String statusClass(int status) {
    int hundreds = status / 100;
    return hundreds >= 1 && hundreds <= 5 ? STATUS_CLASSES[hundreds - 1] : "other";
  }

  private Timer requestTimer(Series series) {
    return Timer.builder(REQUESTS)
        .description("HTTP requests by route template, method, status class and the connection's vendor")
        .tag("route", series.route()).tag("method", series.method()).tag("status_class", series.statusClass())
        .tag("vendor", series.vendor())
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  /** No buckets: a count and a sum per tenant (rate, errors, mean latency), not a histogram per tenant. */
  private Timer tenantTimer(TenantSeries series) {
    return Timer.builder(TENANT_REQUESTS)
        .description("SCIM requests per tenant and status class (SCIMGATE_METRICS_PER_TENANT=true)")
        .tag("tenant", series.tenant().toString()).tag("status_class", series.statusClass())
        .register(registry);
  }

  private Counter rejectionCounter(String reason) {
    return Counter.builder(REJECTIONS)
        .description("Requests refused with 429: connection_budget, tenant_budget, tenant_busy (the tenant gate)")
        .tag("reason", reason)
        .register(registry);
  }
}
