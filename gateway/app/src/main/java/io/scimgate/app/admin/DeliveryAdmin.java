package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.pipeline.DeliveryRecord;
import io.scimgate.persistence.pipeline.DeliveryRepository;
import io.scimgate.persistence.pipeline.DeliveryStatus;
import io.scimgate.persistence.tenant.TenantRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;

/**
 * {@code /admin/v1/tenants/{tenantId}/deliveries}: what the channels sent or gave up on, newest first, and the
 * replay of a dead one (after fixing the webhook or the mail server, say).
 */
final class DeliveryAdmin {
  private final TenantRepository tenants;
  private final DeliveryRepository deliveries;

  DeliveryAdmin(TenantRepository tenants, DeliveryRepository deliveries) {
    this.tenants = tenants;
    this.deliveries = deliveries;
  }

  void mount(Router router) {
    String base = "/tenants/:tenantId/deliveries";
    router.get(base).handler(async(this::list));
    router.post(base + "/:deliveryId/replay").handler(async(this::replay));
  }

  private Future<Void> list(RoutingContext ctx) {
    DeliveryStatus status = status(ctx);
    int offset = Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Params.intQuery(ctx, "limit", 100, 1, 1000);
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> deliveries.list(tenant.id(), status, offset, limit))
        .compose(page -> Responses.json(ctx, 200, InviteJson.page(page, InviteJson::delivery)));
  }

  /** Only a dead delivery is replayed: a pending or sending one is still being tried, a sent one arrived. */
  private Future<Void> replay(RoutingContext ctx) {
    // ids look like "invite:<uuid>:1"; vert.x-web has already percent-decoded the path parameter
    String id = ctx.pathParam("deliveryId");
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> deliveries.replay(tenant.id(), id, InviteJson.audit(ctx, tenant.id())))
        .compose(change -> {
          DeliveryRecord delivery = change.current();
          if (delivery == null) {
            throw ScimException.notFound("Delivery '" + id + "' not found in this tenant");
          }
          if (!change.applied()) {
            throw ScimException.of(409, null, "Delivery '" + id + "' is " + delivery.status().dbValue()
                + ": only dead deliveries can be replayed");
          }
          return Responses.json(ctx, 200, InviteJson.delivery(delivery));
        });
  }

  private static DeliveryStatus status(RoutingContext ctx) {
    String value = ctx.request().getParam("status");
    if (value == null || value.isBlank()) {
      return null;
    }
    return DeliveryStatus.parse(value.strip()).orElseThrow(() -> ScimException.invalidValue(
        "Query parameter 'status' must be one of " + Arrays.stream(DeliveryStatus.values())
            .map(DeliveryStatus::dbValue).toList() + ", was '" + value + "'"));
  }
}
