package io.scimgate.app;

import io.scimgate.app.admin.AdminApi;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.http.CancelOnHangUp;
import io.scimgate.app.http.CodecRefusals;
import io.scimgate.app.http.ConnectionGuard;
import io.scimgate.app.http.ErrorHandler;
import io.scimgate.app.http.RequestIds;
import io.scimgate.app.http.WriteNotifier;
import io.scimgate.app.portal.PortalRoutes;
import io.scimgate.app.portal.PortalServices;
import io.scimgate.app.requestlog.RequestLogHandler;
import io.scimgate.app.scim.ScimApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance on its own event loop; the gateway deploys one per core, all on the same port.
 * The services it routes to ({@link NodeServices}) are shared and thread-safe.
 */
final class HttpVerticle extends VerticleBase {
  private final GatewayConfig config;
  private final NodeServices services;
  private HttpServer server;

  HttpVerticle(GatewayConfig config, NodeServices services) {
    this.config = config;
    this.services = services;
  }

  @Override
  public Future<?> start() {
    ConnectionGuard guard = new ConnectionGuard(vertx, services.openConnections(), config.httpLimits());
    Router router = Router.router(vertx);
    router.route().handler(guard.requests());
    router.route().handler(RequestIds.create());
    router.route().handler(services.observability()
        .requestEnds(RequestLogHandler.create(services.requestLog(), services.connectionView())));
    router.route().handler(CancelOnHangUp.create());
    router.route().handler(WriteNotifier.create(vertx));
    services.health().mount(router);
    PortalServices portal = PortalServices.create(services.pool(), config);
    router.route("/admin/v1/*").subRouter(AdminApi.router(vertx, config, services, portal));
    new PortalRoutes(portal.links(), portal.sessions(), config).mount(router);
    router.route("/scim/v2/:connectionId/*").subRouter(ScimApi.router(vertx, config, services));
    router.route().failureHandler(ErrorHandler.create());
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, ErrorHandler.create());
    }
    // no h2c: clients speak HTTP/1.1 (or h2 behind a TLS-terminating balancer), and without the h2c sniffing a
    // connection is set up (counted, given its head deadline) as soon as it is accepted
    server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
            .setHttp2ClearTextEnabled(false)
            .setIdleTimeout((int) config.httpLimits().idleTimeout().toSeconds()))
        .connectionHandler(guard.connections())
        .invalidRequestHandler(new CodecRefusals())
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
