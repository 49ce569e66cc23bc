package io.scimgate.app.config;

/**
 * Metrics and logs (see {@link ConfigLoader}).
 *
 * @param metricsHost the interface the Prometheus endpoint listens on
 * @param metricsPort its port ({@code 0}: any free one), or {@link #OFF}: no endpoint and no metrics recorded
 * @param metricsPerTenant adds per-tenant request series (one label value per tenant: opt-in, as it grows with them)
 * @param accessLog one line per HTTP request on the {@code scimgate.access} logger
 * @param logFormat {@code text} or {@code json} (read by logback itself from {@code SCIMGATE_LOG_FORMAT}; checked here
 *     so that a typo stops the start instead of silently logging text)
 */
public record ObservabilityConfig(String metricsHost, int metricsPort, boolean metricsPerTenant, boolean accessLog,
    String logFormat) {
  public static final int OFF = -1;

  public boolean metricsEnabled() {
    return metricsPort != OFF;
  }

  @Override
  public String toString() {
    return "metrics=" + (metricsEnabled() ? metricsHost + ":" + metricsPort + (metricsPerTenant ? " per tenant" : "")
        : "off") + ", accessLog=" + (accessLog ? "on" : "off") + ", logFormat=" + logFormat;
  }
}
