package io.scimgate.app.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the gateway reads from its environment, read once at start-up (see {@link ConfigLoader} for the
 * variable names and defaults). {@link #toString()} never shows the database password or the signing secret.
 */
public record GatewayConfig(
    String httpHost,
    int httpPort,
    int httpInstances,
    String publicUrl,
    String databaseUrl,
    int databasePoolSize,
    String signingSecret,
    int maxBodyBytes,
    int defaultPageSize,
    int maxPageSize,
    int bulkMaxOperations,
    Duration connectionResync,
    Duration shutdownGrace,
    Path pluginsDir,
    InviteConfig invites,
    PortalConfig portal,
    RequestLogConfig requestLog,
    RateLimitConfig rateLimits,
    DatabaseLimits databaseLimits,
    HttpLimits httpLimits,
    ObservabilityConfig observability) {

  /** The SCIM base URL an IdP is given for a connection. */
  public String scimBaseUrl(Object connectionId) {
    return publicUrl + "/scim/v2/" + connectionId;
  }

  public GatewayConfig withDatabaseUrl(String url) {
    return new GatewayConfig(httpHost, httpPort, httpInstances, publicUrl, url, databasePoolSize, signingSecret,
        maxBodyBytes, defaultPageSize, maxPageSize, bulkMaxOperations, connectionResync, shutdownGrace,
        pluginsDir, invites, portal, requestLog, rateLimits, databaseLimits, httpLimits,
        observability);
  }

  public GatewayConfig withSigningSecret(String secret) {
    return new GatewayConfig(httpHost, httpPort, httpInstances, publicUrl, databaseUrl, databasePoolSize, secret,
        maxBodyBytes, defaultPageSize, maxPageSize, bulkMaxOperations, connectionResync, shutdownGrace,
        pluginsDir, invites, portal, requestLog, rateLimits, databaseLimits, httpLimits,
        observability);
  }

  public GatewayConfig withHttpPort(int port, String url) {
    return new GatewayConfig(httpHost, port, httpInstances, url, databaseUrl, databasePoolSize, signingSecret,
        maxBodyBytes, defaultPageSize, maxPageSize, bulkMaxOperations, connectionResync, shutdownGrace,
        pluginsDir, invites, portal, requestLog, rateLimits, databaseLimits, httpLimits,
        observability);
  }

  public GatewayConfig withPluginsDir(Path dir) {
    return new GatewayConfig(httpHost, httpPort, httpInstances, publicUrl, databaseUrl, databasePoolSize, signingSecret,
        maxBodyBytes, defaultPageSize, maxPageSize, bulkMaxOperations, connectionResync, shutdownGrace, dir,
        invites, portal, requestLog, rateLimits, databaseLimits, httpLimits,
        observability);
  }

  /** Cookies are {@code Secure} when browsers reach the gateway over https. */
  public boolean secureCookies() {
    return publicUrl.startsWith("https://");
  }

  @Override
  public String toString() {
    return "GatewayConfig[http=" + httpHost + ":" + httpPort + " x" + httpInstances + ", publicUrl=" + publicUrl
        + ", database=" + DatabaseUrls.redact(databaseUrl) + " (pool " + databasePoolSize + ")"
        + ", signingSecret=" + (signingSecret == null ? "unset" : "set") + ", maxBodyBytes=" + maxBodyBytes
        + ", pageSize=" + defaultPageSize + "/" + maxPageSize + ", bulkMaxOperations=" + bulkMaxOperations
        + ", plugins=" + pluginsDir + ", " + invites + ", " + portal + ", " + requestLog + ", " + rateLimits
        + ", " + databaseLimits + ", " + httpLimits + ", " + observability + "]";
  }
}
