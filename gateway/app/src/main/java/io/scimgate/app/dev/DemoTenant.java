package io.scimgate.app.dev;

import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.portal.PortalLinks;
import io.scimgate.app.portal.PortalScreen;
import io.scimgate.persistence.Database;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.portal.PortalAccessRepository;
import io.scimgate.persistence.tenant.Tenant;
import io.scimgate.persistence.tenant.TenantRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.UUID;

/**
 * start-dev's demo: a tenant "Demo company" with SCIM on (created once), and a fresh portal link into it, so a
 * first try opens the company admin's screens signed in.
 */
public final class DemoTenant {
  static final String NAME = "Demo company";
  private static final String ACTOR = "dev:start-dev";

  private DemoTenant() {}

  /** A single-use portal link into the demo tenant's SCIM settings, valid for a day. */
  public static Future<String> portalLink(Vertx vertx, GatewayConfig config) {
    Pool pool = Database.pool(vertx, config.databaseUrl(), 1);
    TenantRepository tenants = new TenantRepository(pool);
    PortalLinks links = new PortalLinks(new PortalAccessRepository(pool), config);
    return findOrCreate(tenants)
        .compose(tenant -> links.issue(tenant.id(), PortalScreen.SCIM_SETTINGS, Duration.ofHours(24),
            "demo-admin", new AuditContext(tenant.id(), null, ACTOR, null)))
        .map(PortalLinks.Issued::url)
        .eventually(pool::close);
  }

  private static Future<Tenant> findOrCreate(TenantRepository tenants) {
    return tenants.list(NAME, 0, 100)
        .map(found -> found.stream().filter(tenant -> tenant.name().equals(NAME)).findFirst().orElse(null))
        .compose(existing -> existing != null ? Future.succeededFuture(existing)
            : tenants.create(UUID.randomUUID(), NAME, true));
  }
}
