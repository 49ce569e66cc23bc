package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.HostileRequests;
import io.scimgate.app.support.HostileValues;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.persistence.Database;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random oversized and malformed values through every SCIM write path (POST, PUT and PATCH of users and groups,
 * and Bulk) of every bundled connector: never a 5xx, every refusal a SCIM error, and a refused request changes
 * nothing stored. The seed is printed; replay one with {@code -Dscimgate.seed=<seed>}.
 */
class HostileInputPropertyTest {
  private static final long SEED = Long.getLong("scimgate.seed", System.nanoTime());
  /** Bounded for the suite; raise it (-Dscimgate.runs=5000) to search longer. */
  private static final int RUNS = Integer.getInteger("scimgate.runs", 400);
  private static final String FINGERPRINT = "SELECT concat_ws('/', (SELECT count(*) FROM scim_users),"
      + " (SELECT coalesce(sum(version), 0) FROM scim_users), (SELECT count(*) FROM scim_groups),"
      + " (SELECT coalesce(sum(version), 0) FROM scim_groups), (SELECT count(*) FROM scim_group_members))";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Pool database;
  private static final List<Target> TARGETS = new ArrayList<>();

  /** One connection with a user and a group to overwrite, and ids to offer as members. */
  private record Target(String vendor, Http scim, String user, String group, List<String> memberIds) {}

  /** One write path: sends a request built from the generator to the target. */
  private record WritePath(String name, BiFunction<Target, HostileRequests, Reply> send) {}

  private static final List<WritePath> PATHS = List.of(
      new WritePath("POST /Users", (t, r) -> t.scim().post("/Users", r.text(r::user))),
      new WritePath("PUT /Users", (t, r) -> t.scim().put("/Users/" + t.user(), r.text(r::user))),
      new WritePath("PATCH /Users", (t, r) -> t.scim().patch("/Users/" + t.user(), r.text(() -> r.patch(false)))),
      new WritePath("POST /Groups", (t, r) -> t.scim().post("/Groups", r.text(r::group))),
      new WritePath("PUT /Groups", (t, r) -> t.scim().put("/Groups/" + t.group(), r.text(r::group))),
      new WritePath("PATCH /Groups", (t, r) -> t.scim().patch("/Groups/" + t.group(), r.text(() -> r.patch(true)))),
      new WritePath("POST /Bulk", (t, r) -> t.scim().post("/Bulk", r.text(() -> r.bulk(t.user(), t.group())))));

  @BeforeAll
  static void setUp() {
    database = Database.pool(gateway.vertx(), gateway.databaseUrl(), 1);
    String foreignUser = null;
    for (String vendor : List.of("okta", "azure-ad", "onelogin", "custom")) {
      Http scim = gateway.newConnection(vendor).scim();
      List<String> members = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        members.add(scim.post("/Users", Fixtures.oktaUser("fixture" + i + "@" + vendor + ".test")).json()
            .get("id").asText());
      }
      members.add(scim.post("/Groups", "{\"displayName\":\"Nested\"}").json().get("id").asText());
      if (foreignUser != null) {
        members.add(foreignUser); // another tenant's user: never a member here
      }
      foreignUser = members.get(0);
      String group = scim.post("/Groups", "{\"displayName\":\"Target\"}").json().get("id").asText();
      TARGETS.add(new Target(vendor, scim, members.get(0), group, members));
    }
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void noWriteAnswers5xxAndRefusalsChangeNothing() throws Exception {
    System.out.println("HostileInputPropertyTest seed " + SEED + " (replay: -Dscimgate.seed=" + SEED + ")");
    Random random = new Random(SEED);
    HostileValues values = new HostileValues(random);
    Map<String, Integer> statuses = new TreeMap<>();
    for (int run = 0; run < RUNS; run++) {
      Target target = values.pick(TARGETS);
      WritePath path = values.pick(PATHS);
      String before = fingerprint();
      Reply reply = path.send().apply(target, new HostileRequests(values, target.memberIds()));
      String context = "seed " + SEED + ", run " + run + ", " + target.vendor() + " " + path.name() + ": "
          + abbreviated(reply.toString());
      statuses.merge(path.name() + " " + reply.status(), 1, Integer::sum);
      assertThat(reply.status()).as(context).isLessThan(500);
      if (reply.status() >= 400) {
        assertScimErrorBody(reply, context);
        assertThat(fingerprint()).as("a refused request changed stored data; " + context).isEqualTo(before);
      } else if (path.name().equals("POST /Bulk")) {
        reply.json().get("Operations").forEach(result ->
            assertThat(result.get("status").asInt()).as(context).isLessThan(500));
      }
    }
    System.out.println("HostileInputPropertyTest statuses: " + statuses);
    assertThat(statuses.keySet()).as("both outcomes occur").anyMatch(key -> key.endsWith(" 400"))
        .anyMatch(key -> key.matches(".* 20[014]"));
  }

  private static void assertScimErrorBody(Reply reply, String context) {
    assertThat(reply.header("Content-Type")).as(context).startsWith("application/scim+json");
    JsonNode error = reply.json();
    assertThat(error.path("schemas").path(0).asText()).as(context)
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(error.path("detail").asText()).as(context).isNotBlank();
  }

  private static String fingerprint() throws Exception {
    return database.query(FINGERPRINT).execute().await(10, TimeUnit.SECONDS).iterator().next().getString(0);
  }

  private static String abbreviated(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}
