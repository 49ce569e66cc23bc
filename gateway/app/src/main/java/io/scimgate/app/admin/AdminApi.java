package io.scimgate.app.admin;

import io.scimgate.app.NodeServices;
import io.scimgate.app.auth.AdminAuthHandler;
import io.scimgate.app.auth.ConnectionView;
import io.scimgate.app.auth.Scopes;
import io.scimgate.app.observability.RouteTemplates;
import io.scimgate.app.portal.PortalServices;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.invites.egress.EgressPolicy;
import io.scimgate.invites.egress.HostResolver;
import io.scimgate.invites.events.EventFeed;
import io.scimgate.app.secrets.SecretBox;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.connection.ConnectionRepository;
import io.scimgate.persistence.pipeline.AutoInviteRepository;
import io.scimgate.persistence.pipeline.DeliveryRepository;
import io.scimgate.persistence.pipeline.InvitationTokenRepository;
import io.scimgate.persistence.pipeline.PersonnelRepository;
import io.scimgate.persistence.pipeline.WebhookRepository;
import io.scimgate.persistence.requestlog.RequestLogRepository;
import io.scimgate.persistence.resource.GroupRepository;
import io.scimgate.persistence.tenant.TenantRepository;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;

/**
 * The admin API at {@code /admin/v1}: every route requires an admin token or a portal session, and answers only
 * within the caller's scope (see {@link Scopes}).
 */
public final class AdminApi {
  /** Admin requests are small JSON objects. */
  private static final int ADMIN_BODY_LIMIT = 64 * 1024;

  private AdminApi() {}

  public static Router router(Vertx vertx, GatewayConfig config, NodeServices services, PortalServices portal) {
    Pool pool = services.pool();
    TokenService tokens = services.tokens();
    ConnectionView connectionView = services.connectionView();
    ConnectorRegistry connectors = services.connectors();
    Router router = Router.router(vertx);
    router.route().handler(RouteTemplates.mountedAt("/admin/v1"));
    // the contract needs no credential: mounted before the authentication of every other route
    router.get("/openapi.json").handler(new OpenApiDocument());
    router.route().handler(AdminAuthHandler.create(tokens, portal.sessions(), config));
    router.route().handler(BodyHandler.create(false).setBodyLimit(ADMIN_BODY_LIMIT));
    // before every endpoint: below /tenants/{id}, a company admin sees only their own tenant
    router.route("/tenants/:tenantId").handler(Scopes.tenantPath());
    router.route("/tenants/:tenantId/*").handler(Scopes.tenantPath());
    // then the tenant's share of the database, as for its SCIM requests
    router.route("/tenants/:tenantId").handler(services.tenantGate().forTenantPath());
    router.route("/tenants/:tenantId/*").handler(services.tenantGate().forTenantPath());
    AdminJson json = new AdminJson(config, connectors);
    TenantRepository tenants = new TenantRepository(pool);
    new TenantAdmin(tenants, new GroupRepository(pool), new AuditLog(pool), connectionView, json).mount(router);
    new ConnectorAdmin(connectors, json).mount(router);
    ConnectionRepository connections = new ConnectionRepository(pool);
    RequestLogRepository requestLog = new RequestLogRepository(pool);
    new ConnectionAdmin(tenants, connections, connectionView, tokens, connectors, requestLog, json).mount(router);
    new RequestLogAdmin(connections, requestLog, json).mount(router);
    new AutoInviteAdmin(tenants, new AutoInviteRepository(pool)).mount(router);
    new PersonnelAdmin(tenants, new PersonnelRepository(pool)).mount(router);
    new InvitationAdmin(tenants, new InvitationTokenRepository(pool), config.invites().invitationUrl()).mount(router);
    new WebhookAdmin(tenants, new WebhookRepository(pool), new SecretBox(config.signingSecret())::seal,
        new EgressPolicy(config.invites().webhooks(), HostResolver.system(vertx))).mount(router);
    new DeliveryAdmin(tenants, new DeliveryRepository(pool)).mount(router);
    new EventAdmin(tenants, new EventFeed(pool)).mount(router);
    new PortalAdmin(tenants, portal.access(), portal.sessions(), portal.links(), tokens, config).mount(router);
    return router;
  }
}
