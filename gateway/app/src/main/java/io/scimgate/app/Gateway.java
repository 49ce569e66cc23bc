package io.scimgate.app;

import io.scimgate.app.auth.ConnectionView;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.DatabaseLimits;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.connectors.PluginHost;
import io.scimgate.app.http.Health;
import io.scimgate.app.http.OpenConnections;
import io.scimgate.app.invites.InviteWiring;
import io.scimgate.app.observability.Observability;
import io.scimgate.app.requestlog.RequestLogRecorder;
import io.scimgate.app.ratelimit.ClusterSize;
import io.scimgate.app.ratelimit.RateLimiter;
import io.scimgate.app.scim.TenantGate;
import io.scimgate.persistence.Database;
import io.scimgate.persistence.cluster.NodeRegistry;
import io.scimgate.persistence.connection.ConnectionRepository;
import io.scimgate.persistence.migration.Migrations;
import io.scimgate.persistence.portal.PortalAccessRepository;
import io.scimgate.persistence.requestlog.RequestLogRepository;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway node: migrations applied, connection view loaded, HTTP servers listening. Stateless
 * apart from caches; run as many nodes as needed against one PostgreSQL.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final long PRUNE_EVERY_MS = 3_600_000;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Pool pool;
  private final Health health;
  private final ConnectionView connectionView;
  private final ConnectorRegistry connectors;
  private final RequestLogRecorder requestLog;
  private String requestLogId;
  private final ClusterSize cluster;
  private final RateLimiter rateLimiter;
  private final Observability observability;
  private String deploymentId;
  private String pipelineId;
  private long pruneTimer = -1;

  private Gateway(Vertx vertx, GatewayConfig config, ConnectorRegistry connectors, Observability observability) {
    this.vertx = vertx;
    this.config = config;
    this.connectors = connectors;
    this.observability = observability;
    DatabaseLimits limits = config.databaseLimits();
    this.pool = Database.boundedPool(vertx, config.databaseUrl(), config.databasePoolSize(),
        limits.statementTimeout(), limits.poolWait(), "requests");
    this.connectionView = new ConnectionView(vertx, new ConnectionRepository(pool),
        Database.connectOptions(config.databaseUrl()), config.connectionResync());
    this.health = new Health(pool, () -> connectors.missing(connectionView.vendorsInUse()));
    this.requestLog = new RequestLogRecorder(new RequestLogRepository(pool), config.requestLog());
    this.cluster = new ClusterSize(vertx, new NodeRegistry(pool, UUID.randomUUID()));
    this.rateLimiter = new RateLimiter(config.rateLimits(), cluster);
  }

  /**
   * Starts a node on a Vert.x of its own making: without the database pools' metrics, which need a Vert.x built by
   * {@link Observability#vertx()} (see the other {@code start}).
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    return start(vertx, config, Observability.create(config.observability()));
  }

  /**
   * Starts a node. Migrations and connector plugins are read on the calling thread (file work, never on an
   * event loop). {@code vertx} should be {@code observability.vertx()}.
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, Observability observability) {
    Migrations migrations = Migrations.fromClasspath();
    ConnectorRegistry connectors = PluginHost.load(config.pluginsDir());
    Gateway gateway = new Gateway(vertx, config, connectors, observability);
    TokenService tokens = new TokenService(vertx, config.signingSecret());
    OpenConnections openConnections = new OpenConnections(config.httpLimits().maxConnections());
    DatabaseLimits limits = config.databaseLimits();
    TenantGate tenantGate = new TenantGate(limits.tenantRunning(), limits.tenantRunningWrites(), limits.tenantQueued(),
        limits.poolWait());
    return applyMigrations(vertx, config, migrations)
        .compose(applied -> gateway.connectionView.start())
        .compose(loaded -> gateway.cluster.start())
        .onSuccess(loaded -> gateway.reportMissingConnectors())
        .compose(loaded -> vertx.deployVerticle(gateway.requestLog))
        .compose(id -> {
          gateway.requestLogId = id;
          NodeServices services = new NodeServices(gateway.pool, tokens, gateway.connectionView, connectors,
              gateway.health, gateway.requestLog, gateway.rateLimiter, openConnections, tenantGate, observability);
          return vertx.deployVerticle(() -> new HttpVerticle(config, services),
              new DeploymentOptions().setInstances(config.httpInstances()));
        })
        .compose(id -> {
          gateway.deploymentId = id;
          return config.invites().pipeline()
              ? vertx.deployVerticle(InviteWiring.pipeline(vertx, config, connectors,
                  observability.pipelineObserver()))
              : Future.<String>succeededFuture(null);
        })
        .compose(id -> {
          gateway.pipelineId = id;
          return observability.start(vertx, gateway.pool, connectors,
              () -> connectors.missing(gateway.connectionView.vendorsInUse()));
        })
        .map(started -> {
          gateway.pruneTimer = vertx.setPeriodic(PRUNE_EVERY_MS, timer -> gateway.pruneEndedPortalAccess());
          LOG.info("scimgate listening on {}:{} ({})", config.httpHost(), config.httpPort(), config);
          return gateway;
        })
        .recover(failure -> gateway.closeResources().transform(closed -> Future.failedFuture(failure)));
  }

  /** On a pool of their own, without the requests' statement timeout: a migration may legitimately take long. */
  private static Future<Integer> applyMigrations(Vertx vertx, GatewayConfig config, Migrations migrations) {
    Pool migrationPool = Database.pool(vertx, config.databaseUrl(), 1);
    return migrations.apply(migrationPool).eventually(migrationPool::close);
  }

  /** Ended portal links and sessions are deleted a day after their end (idempotent: every node may do it). */
  private void pruneEndedPortalAccess() {
    new PortalAccessRepository(pool).prune()
        .onFailure(failure -> LOG.warn("Pruning ended portal sessions failed: {}", failure.getMessage()));
  }

  private void reportMissingConnectors() {
    Set<String> missing = connectors.missing(connectionView.vendorsInUse());
    if (!missing.isEmpty()) {
      LOG.error("Connections use connectors that are not loaded: {}. Their requests get 503 and readiness fails "
          + "until the plugins are in {} (loaded: {})", missing, config.pluginsDir(), connectors.ids());
    }
  }

  /**
   * Drains: readiness fails, servers stop accepting and finish requests in flight, the request log writes what
   * those requests left in its buffer, then resources close.
   */
  public Future<Void> stop() {
    health.startDraining();
    vertx.cancelTimer(pruneTimer);
    return undeploy(deploymentId)
        .transform(done -> undeploy(requestLogId))
        .transform(done -> undeploy(pipelineId))
        .transform(done -> closeResources());
  }

  private Future<Void> undeploy(String id) {
    return id == null ? Future.succeededFuture() : vertx.undeploy(id);
  }

  private Future<Void> closeResources() {
    // the backlog sampler stops before the pool it reads closes
    return observability.stop().transform(stopped -> cluster.stop()).transform(left -> connectionView.close())
        .transform(closed -> pool.close())
        .onComplete(closed -> connectors.stop());
  }

  public GatewayConfig config() {
    return config;
  }

  /** The port of the Prometheus endpoint ({@code -1}: metrics are off). */
  public int metricsPort() {
    return observability.metricsPort();
  }
}
