package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.pipeline.AutoInviteRepository;
import io.scimgate.persistence.pipeline.AutoInviteSettings;
import io.scimgate.persistence.tenant.TenantRepository;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/v1/tenants/{tenantId}/auto-invites}: the toggle and the SCIM groups whose members are invited
 * automatically. A PUT replaces both and tells the relay (outbox event {@code invites.settings_changed}) which
 * groups were added and whether the toggle was turned on, so that it invites the people already in them. A POST
 * of the same body to {@code preview} counts those people without saving anything. Both GET and PUT answer with
 * {@code progress}: how many people are still to invite, still to send to, or failed.
 */
final class AutoInviteAdmin {
  /** More groups than any tenant selects by hand; keeps one request's id array bounded. */
  static final int MAX_GROUPS = 1000;

  private final TenantRepository tenants;
  private final AutoInviteRepository settings;

  AutoInviteAdmin(TenantRepository tenants, AutoInviteRepository settings) {
    this.tenants = tenants;
    this.settings = settings;
  }

  void mount(Router router) {
    router.get("/tenants/:tenantId/auto-invites").handler(async(this::get));
    router.put("/tenants/:tenantId/auto-invites").handler(async(this::replace));
    router.post("/tenants/:tenantId/auto-invites/preview").handler(async(this::preview));
  }

  private Future<Void> get(RoutingContext ctx) {
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> settings.get(tenant.id()).compose(current -> withProgress(tenant.id(), current)))
        .compose(answer -> Responses.json(ctx, 200, answer));
  }

  private Future<Void> replace(RoutingContext ctx) {
    JsonNode body = Params.jsonBody(ctx);
    boolean enabled = AdminJson.requiredBoolean(body, "enabled");
    List<UUID> groupIds = groupIds(body);
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> settings.replace(tenant.id(), enabled, groupIds, InviteJson.audit(ctx, tenant.id()))
            .compose(replaced -> withProgress(tenant.id(), replaced)))
        .compose(answer -> Responses.json(ctx, 200, answer));
  }

  /** The settings and, read after them, how far their invitations have got (a backfill can take a while). */
  private Future<ObjectNode> withProgress(UUID tenantId, AutoInviteSettings current) {
    return settings.progress(tenantId).map(progress -> InviteJson.autoInvites(current, progress));
  }

  /** What saving this body would do right away, before the admin saves it: {@code {"willInvite": n}}. */
  private Future<Void> preview(RoutingContext ctx) {
    JsonNode body = Params.jsonBody(ctx);
    boolean enabled = AdminJson.requiredBoolean(body, "enabled");
    List<UUID> groupIds = groupIds(body);
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> settings.preview(tenant.id(), enabled, groupIds))
        .compose(willInvite -> Responses.json(ctx, 200, ScimJson.object().put("willInvite", willInvite)));
  }

  /** {@code groupIds}: an array of group id strings; ids that are not even UUIDs cannot be groups of the tenant. */
  private static List<UUID> groupIds(JsonNode body) {
    JsonNode array = body.get("groupIds");
    if (array == null || !array.isArray() || array.size() > MAX_GROUPS) {
      throw ScimException.invalidValue("'groupIds' is required and must be an array of at most " + MAX_GROUPS
          + " SCIM group ids (an empty array selects none)");
    }
    List<UUID> ids = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    for (JsonNode element : array) {
      if (!element.isTextual()) {
        throw ScimException.invalidValue("'groupIds' must contain only group id strings, found " + element);
      }
      try {
        ids.add(UUID.fromString(element.asText()));
      } catch (IllegalArgumentException e) {
        malformed.add(element.asText());
      }
    }
    if (!malformed.isEmpty()) {
      throw ScimException.invalidValue("Not SCIM groups of this tenant: " + malformed);
    }
    return ids;
  }
}
