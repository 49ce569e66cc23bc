package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.invites.events.EventCursor;
import io.scimgate.invites.events.EventFeed;
import io.scimgate.invites.events.EventQuery;
import io.scimgate.invites.events.FeedAnswer;
import io.scimgate.invites.events.FeedAnswer.FeedEvent;
import io.scimgate.persistence.events.EventType;
import io.scimgate.persistence.tenant.TenantRepository;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /admin/v1/tenants/{tenantId}/events}: the tenant's directory events (users, groups, memberships) in
 * the order the relay applied them, each as its webhook's body plus its {@code cursor}; {@code after} continues
 * from a cursor, {@code type} and {@code connectionId} filter. A cursor whose events were pruned (retention) is a
 * 410 rather than a silent jump over them.
 */
final class EventAdmin {
  private final TenantRepository tenants;
  private final EventFeed feed;

  EventAdmin(TenantRepository tenants, EventFeed feed) {
    this.tenants = tenants;
    this.feed = feed;
  }

  void mount(Router router) {
    router.get("/tenants/:tenantId/events").handler(async(this::list));
  }

  private Future<Void> list(RoutingContext ctx) {
    String afterText = ctx.request().getParam("after");
    EventCursor after = afterText == null || afterText.isBlank() ? null : EventCursors.decode(afterText.strip());
    EventQuery query = new EventQuery(after, types(ctx), InviteJson.uuidQuery(ctx, "connectionId"),
        Params.intQuery(ctx, "limit", 100, 1, 1000));
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> feed.page(tenant.id(), query).map(answer -> body(answer, tenant.id().toString())))
        .compose(body -> Responses.json(ctx, 200, body));
  }

  private static ObjectNode body(FeedAnswer answer, String tenantId) {
    if (answer instanceof FeedAnswer.Pruned) {
      throw ScimException.of(410, null, "The events after this cursor are older than the retention"
          + " (SCIMGATE_EVENTS_RETENTION_DAYS) and were deleted: read again without 'after' to start from the"
          + " oldest event kept, knowing some were missed");
    }
    if (answer instanceof FeedAnswer.Ahead) {
      throw ScimException.invalidValue("Query parameter 'after' is beyond this tenant's last event: it is not a"
          + " cursor of this tenant's events");
    }
    FeedAnswer.Page page = (FeedAnswer.Page) answer;
    ObjectNode body = ScimJson.object();
    ArrayNode events = body.putArray("events");
    for (FeedEvent event : page.events()) {
      events.add(event.event().envelope(tenantId).put("cursor", EventCursors.encode(event.cursor())));
    }
    body.put("nextCursor", EventCursors.encode(page.next()));
    body.put("hasMore", page.hasMore());
    return body;
  }

  /** {@code type=user.created,group.renamed} (or the parameter repeated); only types the events API serves. */
  private static Set<EventType> types(RoutingContext ctx) {
    Set<EventType> types = new LinkedHashSet<>();
    for (String value : ctx.queryParam("type")) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          types.add(EventType.parse(name.strip()).filter(EventType.servedByEventsApi()::contains)
              .orElseThrow(() -> ScimException.invalidValue("Query parameter 'type' must name event types among "
                  + EventType.servedByEventsApi() + ", was '" + name.strip() + "'")));
        }
      }
    }
    return types;
  }
}
