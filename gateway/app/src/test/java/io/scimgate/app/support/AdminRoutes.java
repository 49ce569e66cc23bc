package io.scimgate.app.support;

import io.scimgate.app.NodeServices;
import io.scimgate.app.admin.AdminApi;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.connectors.PluginHost;
import io.scimgate.app.portal.PortalServices;
import io.scimgate.app.scim.TenantGate;
import io.scimgate.persistence.Database;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** The routes the admin router really registers, for the tests that check every one is covered. */
public final class AdminRoutes {
  private AdminRoutes() {}

  /**
   * {@code "METHOD /path"} of every admin route with a method, relative to {@code /admin/v1}, path parameters
   * written {@code {name}} as OpenAPI does ({@code GET /tenants/{tenantId}}).
   */
  public static Set<String> registered(TestGateway gateway) {
    GatewayConfig config = gateway.config();
    Pool unused = Database.pool(gateway.vertx(), gateway.databaseUrl(), 1);
    try {
      NodeServices services = new NodeServices(unused, new TokenService(gateway.vertx(), TestGateway.SECRET), null,
          PluginHost.load(config.pluginsDir()), null, null, null, null, new TenantGate(1, 1, 0, Duration.ofSeconds(1)), null);
      Set<String> registered = new TreeSet<>();
      AdminApi.router(gateway.vertx(), config, services, PortalServices.create(unused, config))
          .getRoutes().stream()
          .filter(route -> route.methods() != null && !route.methods().isEmpty())
          .forEach(route -> route.methods().forEach(method -> registered.add(method.name() + " "
              + route.getPath().replaceAll(":([A-Za-z]+)", "{$1}"))));
      return registered;
    } finally {
      unused.close();
    }
  }
}
