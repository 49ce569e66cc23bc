package io.scimgate.app;

import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.dev.DemoTenant;
import io.scimgate.app.dev.DevDatabase;
import io.scimgate.app.dev.DevSecret;
import io.scimgate.app.observability.Observability;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The command line: {@code start} (production), {@code start-dev} (a first try on this machine) and
 * {@code admin-token} (print an admin API token). Blocking waits ({@code await}) happen only here, on the
 * main thread.
 */
public final class Main {
  private static final Path DEV_DIR = Path.of(".scimgate-dev");

  private Main() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "help" : args[0];
    try {
      switch (command) {
        case "start" -> start(ConfigLoader.fromEnvironment().load(), false);
        case "start-dev" -> start(ConfigLoader.fromEnvironment().load(), true);
        case "admin-token" -> adminToken(args);
        case "migrate" -> migrate(ConfigLoader.fromEnvironment().load(), args);
        default -> usage(command.equals("help") || command.equals("--help") ? 0 : 2);
      }
    } catch (ConfigLoader.ConfigException | IllegalStateException e) {
      System.err.println("scimgate: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void start(GatewayConfig loaded, boolean dev) {
    Observability observability = Observability.create(loaded.observability());
    Vertx vertx = observability.vertx();
    GatewayConfig config = loaded;
    DevDatabase devDatabase = null;
    if (dev) {
      devDatabase = DevDatabase.resolve(vertx, config.databaseUrl(), DEV_DIR);
      config = config.withDatabaseUrl(devDatabase.url());
      if (config.signingSecret() == null) {
        config = config.withSigningSecret(DevSecret.readOrCreate(DEV_DIR));
      }
    } else {
      require(config.databaseUrl() != null, ConfigLoader.DATABASE_URL + " is required for start "
          + "(postgresql://user:password@host:5432/database); use start-dev for a local try");
      require(config.signingSecret() != null, ConfigLoader.SIGNING_SECRET + " is required for start "
          + "(at least " + ConfigLoader.MIN_SECRET_LENGTH + " characters, e.g. openssl rand -base64 48)");
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, config, observability).await(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("The gateway did not start: " + e.getMessage(), e);
    }
    DevDatabase database = devDatabase;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, gateway, database), "scimgate-shutdown"));
    printWelcome(config, gateway, dev, database, dev ? demoPortalLink(vertx, config) : null);
  }

  /** start-dev's signed-in way into the portal; a failure to make it only costs the line, not the start. */
  private static String demoPortalLink(Vertx vertx, GatewayConfig config) {
    try {
      return DemoTenant.portalLink(vertx, config).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("scimgate: no demo portal link: " + e.getMessage());
      return null;
    }
  }

  private static void shutdown(Vertx vertx, Gateway gateway, DevDatabase database) {
    try {
      // two separate waits: a continuation chained on a context would never run once vertx.close() stopped it
      gateway.stop().await(1, TimeUnit.MINUTES);
      vertx.close().await(1, TimeUnit.MINUTES);
      if (database != null) {
        database.close();
      }
    } catch (Exception e) {
      System.err.println("scimgate: unclean shutdown: " + e.getMessage());
    }
  }

  private static void printWelcome(GatewayConfig config, Gateway gateway, boolean dev, DevDatabase database,
      String demoLink) {
    if (config.observability().logFormat().equals("json")) {
      logWelcome(config, gateway);
      return;
    }
    System.out.println();
    System.out.println("scimgate is running.");
    System.out.println("  Portal:     " + config.publicUrl() + "/portal/   (operators sign in with an admin token)");
    if (demoLink != null) {
      System.out.println("  Demo company's portal, signed in (single use, 24 h):");
      System.out.println("              " + demoLink);
    }
    System.out.println("  Admin API:  " + config.publicUrl() + "/admin/v1");
    System.out.println("  SCIM API:   " + config.publicUrl() + "/scim/v2/{connectionId}");
    System.out.println("  Health:     " + config.publicUrl() + "/health/ready");
    if (gateway.metricsPort() >= 0) {
      System.out.println("  Metrics:    http://" + config.observability().metricsHost() + ":" + gateway.metricsPort()
          + "/metrics   (Prometheus; keep this port internal)");
    }
    if (dev) {
      System.out.println("  Database:   " + database.describe());
      System.out.println("  Admin token: ./scimgate admin-token   (signed with the dev secret in .scimgate-dev/)");
    } else {
      System.out.println("  Admin token: SCIMGATE_SIGNING_SECRET=... java -jar scimgate.jar admin-token");
    }
    System.out.println();
  }

  /** With JSON logs, stdout is for log shippers: the welcome is one log event like any other. */
  private static void logWelcome(GatewayConfig config, Gateway gateway) {
    org.slf4j.LoggerFactory.getLogger(Main.class).atInfo()
        .addKeyValue("portal", config.publicUrl() + "/portal/")
        .addKeyValue("admin_api", config.publicUrl() + "/admin/v1")
        .addKeyValue("scim_api", config.publicUrl() + "/scim/v2/{connectionId}")
        .addKeyValue("health", config.publicUrl() + "/health/ready")
        .addKeyValue("metrics_port", gateway.metricsPort())
        .log("scimgate is running");
  }

  /**
   * {@code migrate}: applies the database migrations and exits (what every start does first); {@code migrate
   * --status} only reports them (see MigrationReport for its exit codes).
   */
  private static void migrate(GatewayConfig config, String[] args) {
    require(config.databaseUrl() != null, ConfigLoader.DATABASE_URL + " is required for migrate");
    boolean statusOnly = args.length > 1 && args[1].equals("--status");
    require(args.length == 1 || (statusOnly && args.length == 2), "migrate takes no option but --status");
    Vertx vertx = Vertx.vertx();
    io.vertx.sqlclient.Pool pool = io.scimgate.persistence.Database.pool(vertx, config.databaseUrl(), 1);
    int exitCode = 0;
    try {
      io.scimgate.persistence.migration.Migrations migrations =
          io.scimgate.persistence.migration.Migrations.fromClasspath();
      if (statusOnly) {
        exitCode = MigrationReport.print(migrations.status(pool).await(1, TimeUnit.MINUTES), System.out);
      } else {
        System.out.println("Applied " + migrations.apply(pool).await(5, TimeUnit.MINUTES) + " migration(s)");
      }
    } catch (Exception e) {
      throw new IllegalStateException("Migrations failed: " + e.getMessage(), e);
    } finally {
      pool.close();
      vertx.close();
    }
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * {@code admin-token [--subject NAME] [--ttl-minutes N] [--tenant ID]}: prints a token for the admin API, for
   * every tenant (an operator's) or, with {@code --tenant}, limited to that one (a company's automation).
   */
  private static void adminToken(String[] args) {
    String subject = "operator";
    int ttlMinutes = 60;
    java.util.UUID tenant = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--subject" -> subject = value(args, ++i);
        case "--ttl-minutes" -> ttlMinutes = Integer.parseInt(value(args, ++i));
        case "--tenant" -> tenant = tenantId(value(args, ++i));
        default -> throw new IllegalStateException("Unknown option " + args[i]
            + " (try --subject, --ttl-minutes, --tenant)");
      }
    }
    String secret = ConfigLoader.fromEnvironment().load().signingSecret();
    if (secret == null) {
      secret = DevSecret.read(DEV_DIR);
    }
    require(secret != null, ConfigLoader.SIGNING_SECRET + " is not set and no dev secret exists yet in "
        + DEV_DIR + " (run ./scimgate start-dev once, or export the production secret)");
    Vertx vertx = Vertx.vertx();
    try {
      System.out.println(new TokenService(vertx, secret).issueAdminToken(subject, ttlMinutes * 60, tenant));
    } finally {
      vertx.close();
    }
  }

  private static java.util.UUID tenantId(String value) {
    try {
      return java.util.UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("--tenant needs a tenant id (a UUID), was '" + value + "'");
    }
  }

  private static String value(String[] args, int index) {
    require(index < args.length, "Option " + args[index - 1] + " needs a value");
    return args[index];
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private static void usage(int exitCode) {
    System.out.println("""
        Usage: scimgate <command>
          start         run the gateway (needs SCIMGATE_DATABASE_URL and SCIMGATE_SIGNING_SECRET)
          start-dev     run it for a first try: local or embedded PostgreSQL, generated dev secret
          admin-token   print an admin API token [--subject NAME] [--ttl-minutes N] [--tenant ID]
          migrate       apply the database migrations to SCIMGATE_DATABASE_URL and exit
          migrate --status  list applied, pending and changed migrations, change nothing
                        (exit code 0: up to date, 3: migrations pending, 4: an applied one was edited)""");
    System.exit(exitCode);
  }
}
