package io.scimgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.EventPages;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two gateway processes on one database, both relaying; an IdP writes through both while a client pages the
 * events API, each page from either node, with page sizes that cut membership events apart. When the writes are
 * over and relayed, the client has seen every event exactly once, in position order; and each user's events came
 * in the order they happened.
 */
class EventsTwoNodeTest {
  private static final int USERS_PER_NODE = 120;
  private static final Map<String, String> ENV = Map.of("SCIMGATE_INVITES_POLL_MS", "100");
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(ENV).withSecondNode();

  @Test
  void aClientPagingAcrossTwoNodesWhileWritesGoOnSeesEveryEventOnceInOrder() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    Http secondScim = new Http(gateway.secondNode().url() + "/scim/v2/" + okta.connectionId(), okta.token());
    String group = okta.scim().post("/Groups", Fixtures.group("Everyone")).json().get("id").asText();
    List<Http> readers = List.of(gateway.admin(), new Http(gateway.secondNode().url(), gateway.admin().token()));

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicBoolean relayed = new AtomicBoolean(false);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      Future<?> a = threads.submit(() -> write(okta.scim(), "a", group));
      Future<?> b = threads.submit(() -> write(secondScim, "b", group));
      Future<Reading> reading = threads.submit(() -> read(readers, okta.tenantId(), writing, relayed));
      a.get(5, TimeUnit.MINUTES);
      b.get(5, TimeUnit.MINUTES);
      writing.set(false);
      awaitRelayed(gateway.node(), okta.tenantId());
      relayed.set(true);
      Reading read = reading.get(5, TimeUnit.MINUTES);

      List<String> ids = read.events().stream().map(e -> e.get("id").asText()).toList();
      assertThat(new HashSet<>(ids)).as("no event twice").hasSize(ids.size());
      assertThat(ids).as("every event once, in position order").isEqualTo(EventPages.expectedIds(gateway.node(),
          okta.tenantId()));
      // per node: every user created, half of them added and deactivated; and the group
      assertThat(ids).hasSize(2 * 2 * USERS_PER_NODE + 1);
      assertThat(read.eventsSeenWhileWriting()).as("the client read while the writes went on").isPositive();
      assertThat(read.pagesPerNode()).as("both nodes served pages").allMatch(pages -> pages > 0);
      assertEachUsersEventsInOrder(read.events());
      EventPages.assertPositionsGapFree(gateway.node(), okta.tenantId());
      System.out.println("events two-node test: " + ids.size() + " events in " + read.pages() + " pages ("
          + read.eventsSeenWhileWriting() + " read while writing); events whose id is lower than the one before"
          + " them in position order (an 'after id' cursor could have skipped them): " + gateway.sql(
          "SELECT count(*) FROM (SELECT id, lag(id) OVER (ORDER BY position) AS before FROM outbox_events"
              + " WHERE tenant_id = $1::uuid AND position IS NOT NULL) x WHERE id < before", okta.tenantId()));
    } finally {
      threads.shutdownNow();
    }
  }

  /** Users; every other one joins the group (a membership event per PATCH) and is later deactivated. */
  private static Void write(Http scim, String prefix, String group) {
    List<String> joined = new ArrayList<>();
    for (int n = 0; n < USERS_PER_NODE; n++) {
      String id = created(scim.post("/Users", Fixtures.oktaUser(prefix + n + "@events.example.com")));
      if (n % 2 == 0) {
        assertThat(scim.patchOps("/Groups/" + group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
            + id + "\"}]}").status()).isEqualTo(204);
        joined.add(id);
      }
    }
    for (String id : joined) {
      assertThat(scim.patchOps("/Users/" + id, "{\"op\":\"replace\",\"value\":{\"active\":false}}").status())
          .isEqualTo(200);
    }
    return null;
  }

  private static String created(io.scimgate.app.support.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  record Reading(List<JsonNode> events, int pages, int eventsSeenWhileWriting, List<Integer> pagesPerNode) {}

  /** Pages on a random node with a random size; at the end, waits and asks again until all is relayed. */
  private static Reading read(List<Http> nodes, String tenantId, AtomicBoolean writing, AtomicBoolean relayed)
      throws InterruptedException {
    List<JsonNode> events = new ArrayList<>();
    int[] pagesPerNode = new int[nodes.size()];
    int seenWhileWriting = 0;
    String cursor = null;
    while (true) {
      boolean stillWriting = writing.get();
      boolean allRelayed = relayed.get();
      int node = ThreadLocalRandom.current().nextInt(nodes.size());
      JsonNode page = EventPages.page(nodes.get(node), tenantId, cursor,
          "", 1 + ThreadLocalRandom.current().nextInt(25));
      pagesPerNode[node]++;
      page.get("events").forEach(events::add);
      if (stillWriting) {
        seenWhileWriting += page.get("events").size();
      }
      cursor = page.get("nextCursor").asText();
      if (!page.get("hasMore").asBoolean()) {
        if (allRelayed) {
          return new Reading(events, pagesPerNode[0] + pagesPerNode[1], seenWhileWriting,
              List.of(pagesPerNode[0], pagesPerNode[1]));
        }
        Thread.sleep(20);
      }
    }
  }

  private static void assertEachUsersEventsInOrder(List<JsonNode> events) {
    Map<String, List<String>> perUser = new HashMap<>();
    for (JsonNode event : events) {
      String type = event.get("type").asText();
      String user = type.startsWith("user.") ? event.at("/data/id").asText()
          : type.equals("group.member_added") ? event.at("/data/member/value").asText() : null;
      if (user != null) {
        perUser.computeIfAbsent(user, u -> new ArrayList<>()).add(type);
      }
    }
    assertThat(perUser).hasSize(2 * USERS_PER_NODE);
    Set<List<String>> histories = new HashSet<>(perUser.values());
    assertThat(histories).as("each user: created, then (for half of them) added, then deactivated")
        .containsExactlyInAnyOrder(List.of("user.created"),
            List.of("user.created", "group.member_added", "user.deactivated"));
  }

  private static void awaitRelayed(TestGateway gateway, String tenantId) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!"0".equals(gateway.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid"
        + " AND processed_at IS NULL", tenantId))) {
      assertThat(System.currentTimeMillis()).as("relayed within a minute").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
