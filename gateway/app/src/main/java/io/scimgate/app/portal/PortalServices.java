package io.scimgate.app.portal;

import io.scimgate.app.auth.PortalSessions;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.persistence.portal.PortalAccessRepository;
import io.vertx.sqlclient.Pool;

/** The portal's sign-in services, shared by the admin API (sessions, links) and the portal's own routes. */
public record PortalServices(PortalAccessRepository access, PortalSessions sessions, PortalLinks links) {

  public static PortalServices create(Pool pool, GatewayConfig config) {
    PortalAccessRepository access = new PortalAccessRepository(pool);
    return new PortalServices(access, new PortalSessions(access, config), new PortalLinks(access, config));
  }
}
