package io.scimgate.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.auth.AdminAuthHandler;
import io.scimgate.app.auth.ConnectionView;
import io.scimgate.app.auth.Scopes;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditEntry;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.resource.GroupRepository;
import io.scimgate.persistence.tenant.Tenant;
import io.scimgate.persistence.tenant.TenantRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

import static io.scimgate.app.http.Routes.async;

/** {@code /admin/v1/tenants}: tenants, their SCIM flag, their audit log and their (prefixed) groups. */
final class TenantAdmin {
  private final TenantRepository tenants;
  private final GroupRepository groups;
  private final AuditLog audit;
  private final ConnectionView connectionView;
  private final AdminJson json;

  TenantAdmin(TenantRepository tenants, GroupRepository groups, AuditLog audit, ConnectionView connectionView,
      AdminJson json) {
    this.tenants = tenants;
    this.connectionView = connectionView;
    this.groups = groups;
    this.audit = audit;
    this.json = json;
  }

  void mount(Router router) {
    router.post("/tenants").handler(Scopes.operatorOnly()).handler(async(this::create));
    router.get("/tenants").handler(async(this::list));
    router.get("/tenants/:tenantId").handler(async(this::get));
    router.put("/tenants/:tenantId/scim").handler(Scopes.operatorOnly()).handler(async(this::setScim));
    router.get("/tenants/:tenantId/audit").handler(async(this::auditLog));
    router.get("/tenants/:tenantId/groups").handler(async(this::groups));
  }

  /** The tenant named by the path, or a 404. */
  static Future<Tenant> existing(TenantRepository tenants, RoutingContext ctx) {
    UUID id = Params.uuidPath(ctx, "tenantId", "Tenant");
    return tenants.get(id).map(tenant -> {
      if (tenant == null) {
        throw ScimException.notFound("Tenant '" + id + "' not found");
      }
      return tenant;
    });
  }

  private Future<Void> create(RoutingContext ctx) {
    JsonNode body = Params.jsonBody(ctx);
    String name = AdminJson.requiredText(body, "name", 200);
    boolean scimEnabled = body.path("scimEnabled").asBoolean(false);
    return tenants.create(UUID.randomUUID(), name, scimEnabled)
        .compose(tenant -> {
          ctx.response().putHeader("Location", "/admin/v1/tenants/" + tenant.id());
          return Responses.json(ctx, 201, json.tenant(tenant));
        });
  }

  /** Every tenant for an operator (optionally those whose name contains {@code q}); a company admin's own. */
  private Future<Void> list(RoutingContext ctx) {
    int offset = Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Params.intQuery(ctx, "limit", 100, 1, 1000);
    UUID own = AdminAuthHandler.principal(ctx).tenantId();
    if (own != null) {
      return tenants.get(own).compose(tenant -> Responses.json(ctx, 200,
          AdminJson.items(tenant == null ? List.of() : List.of(tenant), json::tenant).put("total", tenant == null ? 0 : 1)));
    }
    String query = Params.searchQuery(ctx, "q", PersonnelAdmin.MAX_SEARCH_LENGTH);
    Future<List<Tenant>> page = tenants.list(query, offset, limit);
    Future<Long> total = tenants.count(query);
    return Future.all(page, total).compose(done ->
        Responses.json(ctx, 200, AdminJson.items(page.result(), json::tenant).put("total", total.result())));
  }

  private Future<Void> get(RoutingContext ctx) {
    return existing(tenants, ctx).compose(tenant -> Responses.json(ctx, 200, json.tenant(tenant)));
  }

  private Future<Void> setScim(RoutingContext ctx) {
    UUID id = Params.uuidPath(ctx, "tenantId", "Tenant");
    boolean enabled = AdminJson.requiredBoolean(Params.jsonBody(ctx), "enabled");
    AuditContext audited = InviteJson.audit(ctx, id);
    return tenants.setScimEnabled(id, enabled, audited)
        .compose(tenant -> {
          if (tenant == null) {
            throw ScimException.notFound("Tenant '" + id + "' not found");
          }
          // other nodes hear the NOTIFY; this one must not answer before its own view has the change
          return connectionView.refreshTenant(id).recover(ignored -> Future.succeededFuture()).map(tenant);
        })
        .compose(tenant -> Responses.json(ctx, 200, json.tenant(tenant)));
  }

  /** Newest first; {@code before} is the {@code nextBefore} of the previous page. */
  private Future<Void> auditLog(RoutingContext ctx) {
    int limit = Params.intQuery(ctx, "limit", 100, 1, 1000);
    Long before = Params.longQuery(ctx, "before");
    return existing(tenants, ctx)
        .compose(tenant -> audit.list(tenant.id(), before, limit))
        .compose(entries -> {
          ObjectNode body = AdminJson.items(entries, json::audit);
          if (entries.size() == limit) {
            AuditEntry last = entries.get(entries.size() - 1);
            body.put("nextBefore", last.id());
          }
          return Responses.json(ctx, 200, body);
        });
  }

  /** {@code q}: a case-insensitive part of the product name, for the auto-invite group picker. */
  private Future<Void> groups(RoutingContext ctx) {
    String search = Params.searchQuery(ctx, "q", PersonnelAdmin.MAX_SEARCH_LENGTH);
    int offset = Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Params.intQuery(ctx, "limit", 100, 1, 1000);
    return existing(tenants, ctx)
        .compose(tenant -> groups.listByTenant(tenant.id(), search, offset, limit))
        .compose(page -> Responses.json(ctx, 200,
            AdminJson.items(page.items(), json::tenantGroup).put("total", page.total())));
  }
}
