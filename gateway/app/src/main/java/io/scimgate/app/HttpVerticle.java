package io.scimgate.app;

import io.scimgate.app.admin.AdminApi;
import io.scimgate.app.auth.ConnectionRegistry;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.http.ErrorHandler;
import io.scimgate.app.http.Health;
import io.scimgate.app.http.RequestIds;
import io.scimgate.app.http.WriteNotifier;
import io.scimgate.app.ratelimit.RateLimiter;
import io.scimgate.app.portal.PortalRoutes;
import io.scimgate.app.portal.PortalServices;
import io.scimgate.app.requestlog.RequestLogRecorder;
import io.scimgate.app.scim.ScimApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance on its own event loop; the gateway deploys one per core, all on the same port.
 * The services it routes to (pool, registry, tokens) are shared and thread-safe.
 */
final class HttpVerticle extends VerticleBase {
  private final GatewayConfig config;
  private final Pool pool;
  private final TokenService tokens;
  private final ConnectionRegistry registry;
  private final ConnectorRegistry connectors;
  private final Health health;
  private final RequestLogRecorder requestLog;
  private final RateLimiter rateLimiter;
  private HttpServer server;

  HttpVerticle(GatewayConfig config, Pool pool, TokenService tokens, ConnectionRegistry registry,
      ConnectorRegistry connectors, Health health, RequestLogRecorder requestLog, RateLimiter rateLimiter) {
    this.config = config;
    this.pool = pool;
    this.tokens = tokens;
    this.registry = registry;
    this.connectors = connectors;
    this.health = health;
    this.requestLog = requestLog;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds.create());
    router.route().handler(WriteNotifier.create(vertx));
    health.mount(router);
    PortalServices portal = PortalServices.create(pool, config);
    router.route("/admin/v1/*").subRouter(AdminApi.router(vertx, pool, config, tokens, registry, connectors, portal));
    new PortalRoutes(portal.links(), portal.sessions(), config).mount(router);
    router.route("/scim/v2/:connectionId/*").subRouter(ScimApi.router(vertx, pool, config, tokens, registry, connectors,
        requestLog, rateLimiter));
    router.route().failureHandler(ErrorHandler.create());
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, ErrorHandler.create());
    }
    server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(router);
    return server.listen(config.httpPort(), config.httpHost());
  }

  /** Stops taking connections and lets requests in flight finish, up to the configured grace period. */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture()
        : server.shutdown(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }
}
