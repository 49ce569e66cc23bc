package io.scimgate.app.config;

import io.scimgate.persistence.connection.RateLimit;
import io.scimgate.invites.egress.EgressAllowlist;
import io.scimgate.invites.egress.EgressSettings;
import io.scimgate.invites.events.EventRetention;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Reads {@link GatewayConfig} from environment variables. Every variable is documented in the README; a bad
 * value stops the start with a message naming the variable.
 */
public final class ConfigLoader {
  public static final String HTTP_HOST = "SCIMGATE_HTTP_HOST";
  public static final String HTTP_PORT = "SCIMGATE_HTTP_PORT";
  public static final String HTTP_INSTANCES = "SCIMGATE_HTTP_INSTANCES";
  public static final String HTTP_MAX_CONNECTIONS = "SCIMGATE_HTTP_MAX_CONNECTIONS";
  public static final String HTTP_IDLE_TIMEOUT_SECONDS = "SCIMGATE_HTTP_IDLE_TIMEOUT_SECONDS";
  public static final String HTTP_HEADER_TIMEOUT_SECONDS = "SCIMGATE_HTTP_HEADER_TIMEOUT_SECONDS";
  public static final String HTTP_BODY_TIMEOUT_SECONDS = "SCIMGATE_HTTP_BODY_TIMEOUT_SECONDS";
  public static final String PUBLIC_URL = "SCIMGATE_PUBLIC_URL";
  public static final String DATABASE_URL = "SCIMGATE_DATABASE_URL";
  public static final String DATABASE_POOL_SIZE = "SCIMGATE_DATABASE_POOL_SIZE";
  public static final String DATABASE_STATEMENT_TIMEOUT_MS = "SCIMGATE_DATABASE_STATEMENT_TIMEOUT_MS";
  public static final String DATABASE_POOL_WAIT_MS = "SCIMGATE_DATABASE_POOL_WAIT_MS";
  public static final String TENANT_MAX_RUNNING_REQUESTS = "SCIMGATE_TENANT_MAX_RUNNING_REQUESTS";
  public static final String TENANT_MAX_RUNNING_WRITES = "SCIMGATE_TENANT_MAX_RUNNING_WRITES";
  public static final String TENANT_MAX_QUEUED_REQUESTS = "SCIMGATE_TENANT_MAX_QUEUED_REQUESTS";
  public static final String INVITES_STATEMENT_TIMEOUT_MS = "SCIMGATE_INVITES_STATEMENT_TIMEOUT_MS";
  public static final String GROUP_MEMBERS_PER_FETCH = "SCIMGATE_GROUP_MEMBERS_PER_FETCH";
  public static final String SIGNING_SECRET = "SCIMGATE_SIGNING_SECRET";
  public static final String MAX_BODY_BYTES = "SCIMGATE_MAX_BODY_BYTES";
  public static final String DEFAULT_PAGE_SIZE = "SCIMGATE_DEFAULT_PAGE_SIZE";
  public static final String MAX_PAGE_SIZE = "SCIMGATE_MAX_PAGE_SIZE";
  public static final String BULK_MAX_OPERATIONS = "SCIMGATE_BULK_MAX_OPERATIONS";
  public static final String CONNECTION_RESYNC_SECONDS = "SCIMGATE_CONNECTION_RESYNC_SECONDS";
  public static final String SHUTDOWN_GRACE_SECONDS = "SCIMGATE_SHUTDOWN_GRACE_SECONDS";
  public static final String PLUGINS_DIR = "SCIMGATE_PLUGINS_DIR";
  public static final String INVITE_PIPELINE = "SCIMGATE_INVITE_PIPELINE";
  public static final String INVITES_POOL_SIZE = "SCIMGATE_INVITES_POOL_SIZE";
  public static final String SMTP_HOST = "SCIMGATE_SMTP_HOST";
  public static final String SMTP_PORT = "SCIMGATE_SMTP_PORT";
  public static final String SMTP_USERNAME = "SCIMGATE_SMTP_USERNAME";
  public static final String SMTP_PASSWORD = "SCIMGATE_SMTP_PASSWORD";
  public static final String SMTP_FROM = "SCIMGATE_SMTP_FROM";
  public static final String SMTP_STARTTLS = "SCIMGATE_SMTP_STARTTLS";
  public static final String SMTP_ALLOW_PLAINTEXT_AUTH = "SCIMGATE_SMTP_ALLOW_PLAINTEXT_AUTH";
  public static final String WEBHOOK_ALLOW_HTTP = "SCIMGATE_WEBHOOK_ALLOW_HTTP";
  public static final String WEBHOOK_ALLOWED_HOSTS = "SCIMGATE_WEBHOOK_ALLOWED_HOSTS";
  public static final String WEBHOOK_TIMEOUT_SECONDS = "SCIMGATE_WEBHOOK_TIMEOUT_SECONDS";
  public static final String INVITES_POLL_MS = "SCIMGATE_INVITES_POLL_MS";
  public static final String DELIVERY_LEASE_SECONDS = "SCIMGATE_DELIVERY_LEASE_SECONDS";
  public static final String DELIVERY_MAX_ATTEMPTS = "SCIMGATE_DELIVERY_MAX_ATTEMPTS";
  public static final String DELIVERY_BACKOFF_BASE_MS = "SCIMGATE_DELIVERY_BACKOFF_BASE_MS";
  public static final String INVITATION_URL = "SCIMGATE_INVITATION_URL";
  public static final String INVITATION_TTL_HOURS = "SCIMGATE_INVITATION_TTL_HOURS";
  public static final String RATE_LIMIT_CONNECTION_RPS = "SCIMGATE_RATE_LIMIT_CONNECTION_RPS";
  public static final String RATE_LIMIT_CONNECTION_BURST = "SCIMGATE_RATE_LIMIT_CONNECTION_BURST";
  public static final String RATE_LIMIT_TENANT_RPS = "SCIMGATE_RATE_LIMIT_TENANT_RPS";
  public static final String RATE_LIMIT_TENANT_BURST = "SCIMGATE_RATE_LIMIT_TENANT_BURST";
  public static final String PORTAL_SESSION_IDLE_MINUTES = "SCIMGATE_PORTAL_SESSION_IDLE_MINUTES";
  public static final String PORTAL_SESSION_MAX_HOURS = "SCIMGATE_PORTAL_SESSION_MAX_HOURS";
  public static final String PORTAL_FRAME_ANCESTORS = "SCIMGATE_PORTAL_FRAME_ANCESTORS";
  public static final String PORTAL_SUPPORT_CONTACT = "SCIMGATE_PORTAL_SUPPORT_CONTACT";
  public static final String REQUEST_LOG_RETENTION_HOURS = "SCIMGATE_REQUEST_LOG_RETENTION_HOURS";
  public static final String REQUEST_LOG_MAX_ROWS_PER_CONNECTION = "SCIMGATE_REQUEST_LOG_MAX_ROWS_PER_CONNECTION";
  public static final String REQUEST_LOG_PRUNE_SECONDS = "SCIMGATE_REQUEST_LOG_PRUNE_SECONDS";
  public static final String EVENTS_RETENTION_DAYS = "SCIMGATE_EVENTS_RETENTION_DAYS";
  public static final String EVENTS_PRUNE_SECONDS = "SCIMGATE_EVENTS_PRUNE_SECONDS";
  public static final String METRICS_HOST = "SCIMGATE_METRICS_HOST";
  public static final String METRICS_PORT = "SCIMGATE_METRICS_PORT";
  public static final String METRICS_PER_TENANT = "SCIMGATE_METRICS_PER_TENANT";
  public static final String ACCESS_LOG = "SCIMGATE_ACCESS_LOG";
  public static final String LOG_FORMAT = "SCIMGATE_LOG_FORMAT";

  /** HS256 needs at least 256 bits of key; shorter secrets are refused rather than silently weak. */
  public static final int MIN_SECRET_LENGTH = 32;

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  public static ConfigLoader fromEnvironment() {
    return new ConfigLoader(System.getenv());
  }

  public GatewayConfig load() {
    int port = integer(HTTP_PORT, 8080, 0, 65535);
    String publicUrl = text(PUBLIC_URL, "http://localhost:" + port).replaceAll("/+$", "");
    int maxPage = integer(MAX_PAGE_SIZE, 1000, 1, 100_000);
    int poolSize = integer(DATABASE_POOL_SIZE, 16, 1, 1000);
    return new GatewayConfig(
        text(HTTP_HOST, "0.0.0.0"),
        port,
        integer(HTTP_INSTANCES, Runtime.getRuntime().availableProcessors(), 1, 256),
        publicUrl,
        text(DATABASE_URL, null),
        poolSize,
        secret(),
        integer(MAX_BODY_BYTES, 1024 * 1024, 1024, 512 * 1024 * 1024),
        integer(DEFAULT_PAGE_SIZE, 100, 1, maxPage),
        maxPage,
        integer(BULK_MAX_OPERATIONS, 1000, 1, 100_000),
        Duration.ofSeconds(integer(CONNECTION_RESYNC_SECONDS, 30, 1, 86_400)),
        Duration.ofSeconds(integer(SHUTDOWN_GRACE_SECONDS, 10, 0, 3600)),
        pluginsDir(),
        invites(),
        portal(),
        requestLog(),
        rateLimits(),
        databaseLimits(poolSize),
        httpLimits(),
        observability());
  }

  /** The Prometheus endpoint listens on its own port (9464 unless set; {@code off} turns metrics off). */
  private ObservabilityConfig observability() {
    String port = text(METRICS_PORT, "9464");
    int metricsPort = port.equalsIgnoreCase("off") ? ObservabilityConfig.OFF : integer(METRICS_PORT, 9464, 0, 65535);
    String format = text(LOG_FORMAT, "text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new ConfigException(LOG_FORMAT + " must be text or json, was '" + format + "'");
    }
    return new ObservabilityConfig(text(METRICS_HOST, "0.0.0.0"), metricsPort, bool(METRICS_PER_TENANT, false),
        onOff(ACCESS_LOG, true), format);
  }

  private boolean onOff(String name, boolean fallback) {
    String value = text(name, fallback ? "on" : "off").toLowerCase(java.util.Locale.ROOT);
    if (!value.equals("on") && !value.equals("off")) {
      throw new ConfigException(name + " must be on or off, was '" + value + "'");
    }
    return value.equals("on");
  }

  private HttpLimits httpLimits() {
    return new HttpLimits(integer(HTTP_MAX_CONNECTIONS, defaultMaxConnections(), 1, 1_000_000),
        Duration.ofSeconds(integer(HTTP_IDLE_TIMEOUT_SECONDS, 60, 1, 3600)),
        Duration.ofSeconds(integer(HTTP_HEADER_TIMEOUT_SECONDS, 10, 1, 600)),
        Duration.ofSeconds(integer(HTTP_BODY_TIMEOUT_SECONDS, 30, 1, 3600)));
  }

  /**
   * Half the process's file descriptor limit (the rest is for the database pools, plugins, logs and headroom),
   * at most 10,000: a node refuses connections before it runs out of descriptors and can serve nobody.
   */
  static int defaultMaxConnections() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return (int) Math.max(100, Math.min(10_000, unix.getMaxFileDescriptorCount() / 2));
    }
    return 10_000;
  }

  /**
   * A tenant may run a quarter of the pool's size in reads, searches and Bulk requests by default (each holds one
   * connection at a time), so one busy tenant's heavy searches take at most a quarter of the pool. Single-resource
   * writes are short, and concurrent ones share statements (group commit): holding them to a quarter of the pool
   * would only keep them from batching, so they have a limit of their own.
   */
  private DatabaseLimits databaseLimits(int poolSize) {
    return new DatabaseLimits(Duration.ofMillis(integer(DATABASE_STATEMENT_TIMEOUT_MS, 5000, 100, 3_600_000)),
        Duration.ofMillis(integer(INVITES_STATEMENT_TIMEOUT_MS, 60_000, 100, 3_600_000)),
        Duration.ofMillis(integer(DATABASE_POOL_WAIT_MS, 5000, 10, 600_000)),
        integer(TENANT_MAX_RUNNING_REQUESTS, Math.max(1, poolSize / 4), 1, 10_000),
        integer(TENANT_MAX_RUNNING_WRITES, 64, 1, 10_000),
        integer(TENANT_MAX_QUEUED_REQUESTS, 1000, 0, 100_000),
        integer(GROUP_MEMBERS_PER_FETCH, 1000, 0, 100_000));
  }

  /**
   * Defaults well above what IdPs send in normal operation (Entra's guidance is about 25 requests/s per app; Okta
   * pushes bursts): they stop floods, not imports. A rate of 0 turns a budget off.
   */
  private RateLimitConfig rateLimits() {
    return new RateLimitConfig(
        budget(RATE_LIMIT_CONNECTION_RPS, 100, RATE_LIMIT_CONNECTION_BURST, 300),
        budget(RATE_LIMIT_TENANT_RPS, 200, RATE_LIMIT_TENANT_BURST, 600));
  }

  private RateLimit budget(String rateName, int rate, String burstName, int burst) {
    int perSecond = integer(rateName, rate, 0, 1_000_000);
    return perSecond == 0 ? null : new RateLimit(perSecond, integer(burstName, burst, 1, 10_000_000));
  }

  private PortalConfig portal() {
    String ancestors = text(PORTAL_FRAME_ANCESTORS, null);
    // CSP source expressions only: anything else could break out of the header value
    if (ancestors != null && !ancestors.matches("[A-Za-z0-9:/._*' -]+")) {
      throw new ConfigException(PORTAL_FRAME_ANCESTORS + " must be space-separated origins such as"
          + " https://app.example.com, was '" + ancestors + "'");
    }
    return new PortalConfig(Duration.ofMinutes(integer(PORTAL_SESSION_IDLE_MINUTES, 30, 1, 24 * 60)),
        Duration.ofHours(integer(PORTAL_SESSION_MAX_HOURS, 12, 1, 24 * 30)), ancestors,
        text(PORTAL_SUPPORT_CONTACT, "your account manager"));
  }

  private RequestLogConfig requestLog() {
    return new RequestLogConfig(Duration.ofHours(integer(REQUEST_LOG_RETENTION_HOURS, 168, 1, 87_600)),
        integer(REQUEST_LOG_MAX_ROWS_PER_CONNECTION, 10_000, 1, 10_000_000),
        Duration.ofSeconds(integer(REQUEST_LOG_PRUNE_SECONDS, 300, 1, 86_400)));
  }

  private InviteConfig invites() {
    String pipeline = text(INVITE_PIPELINE, "on").toLowerCase(java.util.Locale.ROOT);
    if (!pipeline.equals("on") && !pipeline.equals("off")) {
      throw new ConfigException(INVITE_PIPELINE + " must be on or off, was '" + pipeline + "'");
    }
    String username = text(SMTP_USERNAME, null);
    return new InviteConfig(pipeline.equals("on"), integer(INVITES_POOL_SIZE, 4, 1, 100), text(SMTP_HOST, null),
        integer(SMTP_PORT, 587, 1, 65535), username, text(SMTP_PASSWORD, null), text(SMTP_FROM, "scimgate@localhost"),
        startTls(username != null),
        Duration.ofMillis(integer(INVITES_POLL_MS, 1000, 50, 600_000)),
        Duration.ofSeconds(integer(DELIVERY_LEASE_SECONDS, 60, 1, 3600)),
        integer(DELIVERY_MAX_ATTEMPTS, 16, 1, 100),
        Duration.ofMillis(integer(DELIVERY_BACKOFF_BASE_MS, 2000, 1, 3_600_000)),
        Duration.ofHours(1),
        webhooks(),
        new EventRetention(Duration.ofDays(integer(EVENTS_RETENTION_DAYS, 30, 1, 3650)),
            Duration.ofSeconds(integer(EVENTS_PRUNE_SECONDS, 300, 1, 86_400))),
        invitationUrl(),
        Duration.ofHours(integer(INVITATION_TTL_HOURS, 168, 1, 8760)));
  }

  /** The product's sign-up URL template for tenants without their own; {@code null} when unset. */
  private String invitationUrl() {
    String template = text(INVITATION_URL, null);
    try {
      return template == null ? null : io.scimgate.app.invites.InvitationUrlTemplate.check(template);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(INVITATION_URL + " " + e.getMessage());
    }
  }

  /**
   * With SMTP credentials, STARTTLS is REQUIRED unless the operator allows clear text explicitly: with OPTIONAL, a
   * server (or a man in the middle) that does not offer STARTTLS would get the password in clear text. Unset, it
   * defaults to what is safe; set to a weaker value, the start fails rather than silently sending mail differently
   * than configured.
   */
  private String startTls(boolean credentials) {
    String startTls = text(SMTP_STARTTLS, credentials ? "REQUIRED" : "OPTIONAL").toUpperCase(java.util.Locale.ROOT);
    if (!java.util.Set.of("DISABLED", "OPTIONAL", "REQUIRED").contains(startTls)) {
      throw new ConfigException(SMTP_STARTTLS + " must be DISABLED, OPTIONAL or REQUIRED, was '" + startTls + "'");
    }
    boolean plaintextAllowed = bool(SMTP_ALLOW_PLAINTEXT_AUTH, false);
    if (credentials && !startTls.equals("REQUIRED") && !plaintextAllowed) {
      throw new ConfigException(SMTP_STARTTLS + "=" + startTls + " with " + SMTP_USERNAME + " set could send the SMTP"
          + " password in clear text: set " + SMTP_STARTTLS + "=REQUIRED, or " + SMTP_ALLOW_PLAINTEXT_AUTH
          + "=true to accept that risk");
    }
    return startTls;
  }

  private EgressSettings webhooks() {
    EgressAllowlist allowed;
    try {
      allowed = EgressAllowlist.parse(text(WEBHOOK_ALLOWED_HOSTS, ""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(WEBHOOK_ALLOWED_HOSTS + ": " + e.getMessage()
          + " (a comma-separated list such as 127.0.0.1,10.20.0.0/16,hooks.internal)");
    }
    // at most 25 s: the delivery worker gives any send 30 s before it counts the attempt as failed
    return new EgressSettings(bool(WEBHOOK_ALLOW_HTTP, false), allowed,
        Duration.ofSeconds(integer(WEBHOOK_TIMEOUT_SECONDS, 10, 1, 25)));
  }

  /** {@code plugins/} next to the gateway's jar (or its classes directory), unless configured. */
  private Path pluginsDir() {
    String configured = text(PLUGINS_DIR, null);
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    try {
      Path code = Path.of(ConfigLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().resolve("plugins").normalize();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("plugins").toAbsolutePath().normalize();
    }
  }

  private String secret() {
    String secret = text(SIGNING_SECRET, null);
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      throw new ConfigException(SIGNING_SECRET + " must be at least " + MIN_SECRET_LENGTH
          + " characters long (for example: openssl rand -base64 48)");
    }
    return secret;
  }

  private String text(String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private boolean bool(String name, boolean fallback) {
    String value = text(name, Boolean.toString(fallback)).toLowerCase(java.util.Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new ConfigException(name + " must be true or false, was '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private int integer(String name, int fallback, int min, int max) {
    String value = text(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new ConfigException(name + " must be between " + min + " and " + max + ", was " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be an integer, was '" + value + "'");
    }
  }

  /** A configuration error, reported to the operator without a stack trace. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
      super(message);
    }
  }
}
