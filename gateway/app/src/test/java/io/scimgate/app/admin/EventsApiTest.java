package io.scimgate.app.admin;

import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.support.EventPages;
import io.scimgate.app.support.EventPages.Read;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.WebhookReceiver;
import io.scimgate.app.support.WebhookReceiver.Call;
import io.scimgate.app.support.Webhooks;
import io.scimgate.invites.events.EventCursor;
import io.scimgate.invites.events.EventFeed;
import io.scimgate.invites.events.EventQuery;
import io.scimgate.invites.events.FeedAnswer;
import io.scimgate.persistence.Database;
import io.scimgate.persistence.events.EventType;
import io.scimgate.scim.json.ScimJson;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /admin/v1/tenants/{id}/events} on a real gateway: every event once, in the relay's order, with the
 * webhooks' bodies; cursors inside a membership event; filters that still reach the end; bad input; a set-aside
 * event keeps its place; pruning past the retention and 410 for a cursor behind it. The expected sequence is
 * computed from the table by SQL, not by the gateway's own rendering.
 */
class EventsApiTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      "SCIMGATE_INVITES_POLL_MS", "100", "SCIMGATE_EVENTS_PRUNE_SECONDS", "1", "SCIMGATE_WEBHOOK_ALLOW_HTTP", "true",
      "SCIMGATE_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"));
  private static WebhookReceiver receiver;
  private static Http admin;

  @BeforeAll
  static void start() throws Exception {
    receiver = WebhookReceiver.start();
    admin = gateway.admin();
  }

  @AfterAll
  static void stop() throws Exception {
    receiver.close();
  }

  @Test
  void pagesEveryEventOnceInTheRelaysOrderWithTheWebhooksBodies() throws Exception {
    ScimClient okta = Webhooks.tenantHookedTo(gateway.node(), receiver.url());
    String ann = user(okta, "ann");
    String bob = user(okta, "bob");
    String cid = user(okta, "cid");
    String group = okta.scim().post("/Groups", Fixtures.group("Engineering", ann, bob)).json().get("id").asText();
    okta.scim().patchOps("/Groups/" + group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cid
        + "\"}]}");
    okta.scim().patchOps("/Groups/" + group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"R&D\"}");
    okta.scim().patchOps("/Users/" + ann, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    okta.scim().patchOps("/Users/" + bob, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Bob B\"}");
    okta.scim().delete("/Users/" + cid);
    okta.scim().delete("/Groups/" + group);
    awaitRelayed(okta.tenantId());

    Read read = EventPages.readToEnd(admin, okta.tenantId(), null, "", 2);

    assertThat(read.ids()).as("every event once, in position order").isEqualTo(expectedIds(okta.tenantId()));
    assertThat(read.pages()).isGreaterThan(5);
    assertThat(types(read)).contains("user.created", "group.created", "group.member_added", "group.renamed",
        "user.deactivated", "user.updated", "user.deleted", "group.member_removed", "group.deleted");
    for (JsonNode event : read.events()) {
      assertCatalogued(event, okta.tenantId());
    }
    JsonNode renamed = read.events().stream().filter(e -> e.get("type").asText().equals("group.renamed")).findFirst()
        .orElseThrow();
    assertThat(renamed.at("/data/oldDisplayName").asText()).isEqualTo("Engineering");
    assertThat(renamed.at("/data/displayName").asText()).isEqualTo("R&D");
    assertPositionsGapFree(okta.tenantId());
    assertSameAsWebhooks(read);
    assertThat(gateway.sql("SELECT string_agg(DISTINCT type, ',') FROM outbox_events").split(","))
        .as("every stored type is catalogued").allMatch(type -> EventType.parse(type).isPresent());
  }

  @Test
  void everyCursorContinuesRightAfterItsEventEvenInsideAMembershipEvent() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      members.add(user(okta, "member" + i));
    }
    okta.scim().post("/Groups", Fixtures.group("Five", members.toArray(String[]::new)));
    user(okta, "after");
    awaitRelayed(okta.tenantId());

    Read read = EventPages.readToEnd(admin, okta.tenantId(), null, "", 2);
    assertThat(read.ids()).isEqualTo(expectedIds(okta.tenantId()));
    assertThat(types(read).stream().filter("group.member_added"::equals).count()).isEqualTo(5);
    for (int i = 0; i < read.events().size(); i++) {
      JsonNode next = EventPages.page(admin, okta.tenantId(), read.events().get(i).get("cursor").asText(), "", 1);
      if (i + 1 < read.events().size()) {
        assertThat(next.get("events").get(0).get("id").asText()).as("after event " + i)
            .isEqualTo(read.ids().get(i + 1));
      } else {
        assertThat(next.get("events")).as("after the last").isEmpty();
        assertThat(next.get("hasMore").asBoolean()).isFalse();
      }
    }
  }

  @Test
  void continuesFromTheLastCursorWhenNewEventsArrive() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    user(okta, "first");
    awaitRelayed(okta.tenantId());
    Read read = EventPages.readToEnd(admin, okta.tenantId(), null, "", 10);
    assertThat(read.events()).hasSize(1);

    JsonNode idle = EventPages.page(admin, okta.tenantId(), read.nextCursor(), "", 10);
    assertThat(idle.get("events")).isEmpty();
    assertThat(idle.get("hasMore").asBoolean()).isFalse();
    assertThat(idle.get("nextCursor").asText()).isEqualTo(read.nextCursor());

    String second = user(okta, "second");
    awaitRelayed(okta.tenantId());
    Read more = EventPages.readToEnd(admin, okta.tenantId(), read.nextCursor(), "", 10);
    assertThat(more.events()).hasSize(1);
    assertThat(more.events().get(0).at("/data/id").asText()).isEqualTo(second);
  }

  @Test
  void filtersByTypeAndConnectionAndPagingStillReachesTheEnd() throws Exception {
    ScimClient first = gateway.newConnection("okta");
    JsonNode created = admin.post("/admin/v1/tenants/" + first.tenantId() + "/connections",
        "{\"vendor\":\"okta\",\"name\":\"Second\"}").json();
    String secondId = created.get("id").asText();
    Http second = new Http(created.get("scimBaseUrl").asText(), created.get("token").asText());
    for (int i = 0; i < 4; i++) {
      String a = first.scim().post("/Users", Fixtures.oktaUser("one-" + i + "@example.com")).json().get("id").asText();
      String b = second.post("/Users", Fixtures.oktaUser("two-" + i + "@example.com")).json().get("id").asText();
      second.post("/Groups", Fixtures.group("Team " + i, b));
      first.scim().patchOps("/Users/" + a, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    }
    awaitRelayed(first.tenantId());
    List<JsonNode> all = EventPages.readToEnd(admin, first.tenantId(), null, "", 1000).events();
    assertThat(all).hasSize(4 * 5);

    assertFiltered(first.tenantId(), all, "&type=user.created", e -> type(e).equals("user.created"), 8);
    assertFiltered(first.tenantId(), all, "&connectionId=" + secondId, e -> connection(e).equals(secondId), 12);
    assertFiltered(first.tenantId(), all, "&type=user.created,group.member_added&connectionId=" + secondId,
        e -> connection(e).equals(secondId) && Set.of("user.created", "group.member_added").contains(type(e)), 8);
    assertFiltered(first.tenantId(), all, "&type=user.deactivated&type=group.created",
        e -> Set.of("user.deactivated", "group.created").contains(type(e)), 8);
    assertFiltered(first.tenantId(), all, "&type=group.deleted", e -> false, 0);
  }

  @Test
  void aFilterThatRarelyMatchesScansAWindowAtATime() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    for (int i = 0; i < 10; i++) {
      user(okta, "window" + i);
    }
    String group = okta.scim().post("/Groups", Fixtures.group("Short-lived")).json().get("id").asText();
    okta.scim().delete("/Groups/" + group);
    awaitRelayed(okta.tenantId());

    Pool pool = Database.pool(gateway.vertx(), gateway.databaseUrl(), 1);
    try {
      EventFeed feed = new EventFeed(pool, 3);
      EventCursor after = null;
      List<String> found = new ArrayList<>();
      int pages = 0;
      boolean more = true;
      while (more) {
        FeedAnswer.Page page = (FeedAnswer.Page) feed.page(UUID.fromString(okta.tenantId()),
            new EventQuery(after, Set.of(EventType.GROUP_DELETED), null, 100)).await(10, TimeUnit.SECONDS);
        page.events().forEach(event -> found.add(event.event().type().wireName()));
        assertThat(page.next().position()).as("each page moves on by at most the window")
            .isLessThanOrEqualTo((after == null ? 0 : after.position()) + 3);
        after = page.next();
        more = page.hasMore();
        pages++;
      }
      assertThat(found).containsExactly("group.deleted");
      assertThat(pages).isEqualTo(4); // 12 positions, 3 at a time
    } finally {
      pool.close();
    }
  }

  @Test
  void badRequestsAreClearErrors() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    user(okta, "only");
    awaitRelayed(okta.tenantId());
    String events = "/admin/v1/tenants/" + okta.tenantId() + "/events";

    assertThat(assertAdminError(admin.get(events + "?after=%25%25"), 400, "invalidValue")).contains("'after'");
    assertAdminError(admin.get(events + "?after=" + cursor("12x")), 400, "invalidValue");
    assertAdminError(admin.get(events + "?after=" + cursor("-1")), 400, "invalidValue");
    assertThat(assertAdminError(admin.get(events + "?after=" + cursor("99")), 400, "invalidValue"))
        .contains("beyond this tenant's last event");
    assertThat(assertAdminError(admin.get(events + "?type=user.exploded"), 400, "invalidValue"))
        .contains("user.created").contains("group.member_added");
    assertAdminError(admin.get(events + "?type=invites.settings_changed"), 400, "invalidValue");
    assertAdminError(admin.get(events + "?type=personnel.invited"), 400, "invalidValue");
    assertAdminError(admin.get(events + "?type=group.members_added"), 400, "invalidValue");
    assertAdminError(admin.get(events + "?connectionId=nope"), 400, "invalidValue");
    assertAdminError(admin.get(events + "?limit=0"), 400, "invalidValue");
    assertAdminError(admin.get(events + "?limit=1001"), 400, "invalidValue");
    assertAdminError(admin.get(events + "?limit=ten"), 400, "invalidValue");
    assertAdminError(admin.get("/admin/v1/tenants/" + UUID.randomUUID() + "/events"), 404, "Not Found");
    assertThat(EventPages.page(admin, okta.tenantId(), null, "", 10).get("events")).hasSize(1);
  }

  @Test
  void anEventSetAsideKeepsItsPlaceAndTheFeedGoesOn() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    String group = okta.scim().post("/Groups", Fixtures.group("Poisoned")).json().get("id").asText();
    assertThat(admin.put("/admin/v1/tenants/" + okta.tenantId() + "/auto-invites",
        "{\"enabled\":true,\"groupIds\":[\"" + group + "\"]}").status()).isEqualTo(200);
    gateway.sql("INSERT INTO outbox_events (tenant_id, connection_id, type, resource_id, data) VALUES ($1::uuid,"
        + " $2::uuid, 'group.members_added', $3::uuid,"
        + " '{\"members\":[{\"value\":\"not-a-uuid\",\"type\":\"User\"}]}')", okta.tenantId(), okta.connectionId(),
        group);
    String later = user(okta, "later");
    awaitRelayed(okta.tenantId());

    assertThat(gateway.sql("SELECT position IS NOT NULL FROM outbox_events WHERE tenant_id = $1::uuid"
        + " AND failure IS NOT NULL", okta.tenantId())).isEqualTo("true");
    Read read = EventPages.readToEnd(admin, okta.tenantId(), null, "", 1);
    assertThat(read.ids()).isEqualTo(expectedIds(okta.tenantId()));
    assertThat(read.events()).anyMatch(e -> e.at("/data/member/value").asText().equals("not-a-uuid"));
    assertThat(read.events().get(read.events().size() - 1).at("/data/id").asText()).isEqualTo(later);
    assertPositionsGapFree(okta.tenantId());
  }

  @Test
  void eventsPastTheRetentionArePrunedAndACursorBehindThemIsGone() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      users.add(user(okta, "old" + i));
    }
    awaitRelayed(okta.tenantId());
    Read before = EventPages.readToEnd(admin, okta.tenantId(), null, "", 1);
    assertThat(before.events()).hasSize(6);
    String last = gateway.sql("SELECT last_position FROM tenant_event_positions WHERE tenant_id = $1::uuid",
        okta.tenantId());

    gateway.sql("UPDATE outbox_events SET processed_at = processed_at - interval '40 days'"
        + " WHERE tenant_id = $1::uuid AND position <= 3", okta.tenantId());
    awaitCount("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid", okta.tenantId(), 3);

    for (int gone = 0; gone < 2; gone++) {
      String detail = assertAdminError(admin.get(EventPages.path(okta.tenantId(),
          before.events().get(gone).get("cursor").asText(), "", 10)), 410, "Gone");
      assertThat(detail).contains("retention").contains("without 'after'");
    }
    Read fromThird = EventPages.readToEnd(admin, okta.tenantId(), before.events().get(2).get("cursor").asText(),
        "", 10);
    assertThat(fromThird.ids()).isEqualTo(before.ids().subList(3, 6));
    Read fromOldest = EventPages.readToEnd(admin, okta.tenantId(), null, "", 10);
    assertThat(fromOldest.ids()).isEqualTo(before.ids().subList(3, 6));

    String newcomer = user(okta, "newcomer");
    awaitRelayed(okta.tenantId());
    assertThat(gateway.sql("SELECT position FROM outbox_events WHERE resource_id = $1::uuid", newcomer))
        .as("positions go on after a prune").isEqualTo(Long.toString(Long.parseLong(last) + 1));
    assertThat(EventPages.readToEnd(admin, okta.tenantId(), before.nextCursor(), "", 10).events()).hasSize(1);
  }

  // --- helpers ---

  private static String user(ScimClient client, String name) {
    return client.scim().post("/Users", Fixtures.oktaUser(name + "-" + UUID.randomUUID() + "@example.com")).json()
        .get("id").asText();
  }

  private static List<String> expectedIds(String tenantId) throws Exception {
    return EventPages.expectedIds(gateway.node(), tenantId);
  }

  private static void assertPositionsGapFree(String tenantId) throws Exception {
    EventPages.assertPositionsGapFree(gateway.node(), tenantId);
  }

  /** The envelope of a webhook, plus a cursor; the data has exactly the catalogue's fields for the type. */
  private static void assertCatalogued(JsonNode event, String tenantId) {
    assertThat(fieldNames(event)).containsExactlyInAnyOrder("id", "type", "tenantId", "occurredAt", "data",
        "cursor");
    EventType type = EventType.parse(type(event)).orElseThrow();
    assertThat(EventType.servedByEventsApi()).contains(type);
    assertThat(fieldNames(event.get("data"))).as(type + " payload").containsExactlyInAnyOrderElementsOf(type.payload());
    assertThat(event.get("tenantId").asText()).isEqualTo(tenantId);
    assertThat(Instant.parse(event.get("occurredAt").asText())).isBefore(Instant.now());
  }

  /** Each event equals the body its webhook delivered, but for the cursor. */
  private static void assertSameAsWebhooks(Read read) throws Exception {
    Map<String, JsonNode> delivered = new HashMap<>();
    long deadline = System.currentTimeMillis() + 20_000;
    while (delivered.size() < read.events().size() && System.currentTimeMillis() < deadline) {
      for (Call call : receiver.calls()) {
        JsonNode body = ScimJson.parse(call.text());
        delivered.put(body.get("id").asText(), body);
      }
      delivered.keySet().retainAll(Set.copyOf(read.ids()));
      Thread.sleep(100);
    }
    for (JsonNode event : read.events()) {
      ObjectNode withoutCursor = ((ObjectNode) event.deepCopy());
      withoutCursor.remove("cursor");
      assertThat(delivered.get(event.get("id").asText())).as("webhook of " + event.get("id")).isEqualTo(withoutCursor);
    }
  }

  private static void assertFiltered(String tenantId, List<JsonNode> all, String filters, Predicate<JsonNode> wanted,
      int expected) {
    List<String> expectedIds = all.stream().filter(wanted).map(e -> e.get("id").asText()).toList();
    assertThat(expectedIds).hasSize(expected);
    for (int limit : new int[] {1, 3, 1000}) {
      Read read = EventPages.readToEnd(admin, tenantId, null, filters, limit);
      assertThat(read.ids()).as(filters + " by " + limit).isEqualTo(expectedIds);
      assertThat(read.events()).allMatch(wanted);
      assertThat(read.nextCursor()).as("the end of the whole feed, not of the matches")
          .isEqualTo(all.get(all.size() - 1).get("cursor").asText());
    }
  }

  private static String cursor(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  private static void awaitRelayed(String tenantId) throws Exception {
    awaitCount("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid AND processed_at IS NULL", tenantId, 0);
  }

  private static void awaitCount(String sql, String tenantId, long expected) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    String count = null;
    while (System.currentTimeMillis() < deadline) {
      count = gateway.sql(sql, tenantId);
      if (Long.parseLong(count) == expected) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(sql + ": " + count + ", expected " + expected);
  }

  private static List<String> types(Read read) {
    return read.events().stream().map(EventsApiTest::type).toList();
  }

  private static String type(JsonNode event) {
    return event.get("type").asText();
  }

  private static String connection(JsonNode event) {
    return event.at("/data/connectionId").asText();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
