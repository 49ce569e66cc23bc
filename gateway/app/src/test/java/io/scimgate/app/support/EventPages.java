package io.scimgate.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Reading {@code GET /admin/v1/tenants/{id}/events} the way a client does: page after page until the end. */
public final class EventPages {
  private EventPages() {}

  /** What a client read: the events in order and where to continue from. */
  public record Read(List<JsonNode> events, String nextCursor, int pages) {
    public List<String> ids() {
      return events.stream().map(event -> event.get("id").asText()).toList();
    }
  }

  /** One page; {@code after} may be null, {@code filters} is extra query text such as {@code &type=user.created}. */
  public static JsonNode page(Http http, String tenantId, String after, String filters, int limit) {
    Reply reply = http.get(path(tenantId, after, filters, limit));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  public static String path(String tenantId, String after, String filters, int limit) {
    return "/admin/v1/tenants/" + tenantId + "/events?limit=" + limit
        + (after == null ? "" : "&after=" + Http.encode(after)) + filters;
  }

  /** Pages until {@code hasMore} is false, asking page {@code n} of {@code node.apply(n)}. */
  public static Read readToEnd(IntFunction<Http> node, String tenantId, String after, String filters, int limit) {
    List<JsonNode> events = new ArrayList<>();
    String cursor = after;
    int pages = 0;
    boolean more = true;
    while (more) {
      JsonNode page = page(node.apply(pages), tenantId, cursor, filters, limit);
      pages++;
      assertThat(page.get("events").size()).isLessThanOrEqualTo(limit);
      page.get("events").forEach(events::add);
      cursor = page.get("nextCursor").asText();
      more = page.get("hasMore").asBoolean();
      assertThat(pages).as("paging ends").isLessThan(100_000);
    }
    return new Read(events, cursor, pages);
  }

  public static Read readToEnd(Http http, String tenantId, String after, String filters, int limit) {
    return readToEnd(n -> http, tenantId, after, filters, limit);
  }

  /**
   * The ids the feed must return, in order, computed from the table itself rather than by the gateway's rendering:
   * user and group events one each, membership events one per member, in position order.
   */
  public static List<String> expectedIds(TestGateway gateway, String tenantId) throws Exception {
    String ids = gateway.sql("SELECT string_agg(x.id, ',' ORDER BY x.position, x.ord) FROM ("
        + " SELECT e.position, 0::bigint AS ord, 'webhook:' || e.id AS id FROM outbox_events e"
        + " WHERE e.tenant_id = $1::uuid AND e.position IS NOT NULL"
        + " AND (e.type LIKE 'user.%' OR e.type LIKE 'group.%') AND e.type NOT LIKE 'group.members_%'"
        + " UNION ALL SELECT e.position, m.ord, 'webhook:' || e.id || ':' || (m.member->>'value') FROM outbox_events e,"
        + " jsonb_array_elements(e.data->'members') WITH ORDINALITY AS m(member, ord)"
        + " WHERE e.tenant_id = $1::uuid AND e.position IS NOT NULL AND e.type LIKE 'group.members_%') x", tenantId);
    return ids == null ? List.of() : List.of(ids.split(","));
  }

  /** Positions 1..n with no gap, n the tenant's last position. */
  public static void assertPositionsGapFree(TestGateway gateway, String tenantId) throws Exception {
    assertThat(gateway.sql("SELECT min(position) = 1 AND max(position) = count(*)"
        + " AND max(position) = (SELECT last_position FROM tenant_event_positions WHERE tenant_id = $1::uuid)"
        + " FROM outbox_events WHERE tenant_id = $1::uuid AND position IS NOT NULL", tenantId))
        .as("gap-free positions").isEqualTo("true");
  }
}
