package io.scimgate.app.scim;

import io.scimgate.app.NodeServices;
import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.observability.RouteTemplates;
import io.scimgate.app.ratelimit.RateLimitHandler;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.resource.GroupRepository;
import io.scimgate.persistence.resource.UserRepository;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * The SCIM 2.0 service provider of one connection, mounted at {@code /scim/v2/{connectionId}}. Authentication
 * and the request budget run before the body is read, so an unauthenticated or over-budget client cannot make the
 * gateway buffer a large body. The request log sees every answer, rejections included, from the main router's
 * {@link io.scimgate.app.observability.RequestEnds}.
 */
public final class ScimApi {
  /** The mount of this router as a route template (the request log and the metrics tell SCIM requests by it). */
  public static final String MOUNT = "/scim/v2/{connectionId}";

  private ScimApi() {}

  public static Router router(Vertx vertx, GatewayConfig config, NodeServices services) {
    Router router = Router.router(vertx);
    router.route().handler(RouteTemplates.mountedAt(MOUNT));
    router.route().handler(ScimAuthHandler.create(services.tokens(), services.connectionView()));
    router.route().handler(new RateLimitHandler(services.rateLimiter()));
    router.route().handler(new JsonContentType());
    router.route().handler(services.tenantGate());
    router.route().handler(new ConnectorHandler(services.connectors(), services.observability().connectorTimings()));
    router.route().handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
    Cursors cursors = new Cursors(config.signingSecret());
    UserOperations users = new UserOperations(new UserRepository(services.pool()), cursors);
    GroupOperations groups = new GroupOperations(new GroupRepository(services.pool()), cursors);
    new UserEndpoints(users, config).mount(router);
    new GroupEndpoints(groups, config).mount(router);
    new BulkEndpoint(config, List.of(users, groups)).mount(router);
    new RootSearchEndpoint(users, groups, config).mount(router);
    new DiscoveryEndpoints(config).mount(router);
    notImplemented(router);
    return router;
  }

  /** RFC 7644 §3.12: 501 for what the service provider does not support (yet), as the SPC says. */
  private static void notImplemented(Router router) {
    ScimRoutes.on(router).any("/Me").handler(ctx -> ctx.fail(notYet("/Me")));
  }

  private static ScimException notYet(String what) {
    return ScimException.of(501, null, what + " is not supported by this service provider yet; "
        + "see /ServiceProviderConfig");
  }
}
