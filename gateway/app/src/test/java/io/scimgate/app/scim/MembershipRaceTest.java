package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adding a member while that member is being deleted, hundreds of times over every membership write path:
 * no membership row may be left pointing at a deleted user or group, as the table, {@code GET /Groups} and a
 * {@code members.value} filter all see it. (Before the database enforced it: 28 dangling rows in 60 races.)
 */
class MembershipRaceTest {
  private static final int ROUNDS = 320;
  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
      + "\"Operations\":[%s]}";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;
  private static ExecutorService threads;

  /** The ways to add member {@code id} to group {@code group}: each write path of membership. */
  private record AddPath(String name, Function<String, Reply> add) {}

  @BeforeAll
  static void start() {
    scim = gateway.newConnection("okta").scim();
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    threads.shutdownNow();
  }

  @Test
  void addingAMemberWhileItIsDeletedNeverLeavesADanglingRow() throws Exception {
    String group = scim.post("/Groups", "{\"displayName\":\"Racing\"}").json().get("id").asText();
    List<AddPath> paths = addPaths(group);
    List<String> deleted = new ArrayList<>();
    int bothSucceeded = 0;
    for (int round = 0; round < ROUNDS; round++) {
      boolean groupMember = round % 8 == 7;
      String member = groupMember ? create("/Groups", "{\"displayName\":\"Nested " + round + "\"}")
          : create("/Users", Fixtures.oktaUser("racer" + round + "@okta.local"));
      AddPath path = paths.get(round % paths.size());
      List<Reply> replies = race(() -> path.add().apply(member),
          () -> scim.delete((groupMember ? "/Groups/" : "/Users/") + member));
      assertThat(replies.get(0).status()).as(path.name() + ": " + replies.get(0)).isIn(200, 201, 204, 400);
      assertThat(replies.get(1).status()).as("delete: " + replies.get(1)).isEqualTo(204);
      bothSucceeded += replies.get(0).status() < 300 ? 1 : 0;
      deleted.add(member);
    }
    System.out.println("MembershipRaceTest: " + ROUNDS + " races, " + bothSucceeded + " adds succeeded");

    assertThat(gateway.sql("SELECT count(*) FROM scim_group_members m WHERE NOT EXISTS (SELECT 1 FROM scim_users u"
        + " WHERE u.id = m.member_id) AND NOT EXISTS (SELECT 1 FROM scim_groups g WHERE g.id = m.member_id)"))
        .as("dangling membership rows").isEqualTo("0");
    JsonNode racing = scim.get("/Groups/" + group).json();
    assertThat(racing.path("members")).as("members of the group").isEmpty();
    for (String member : deleted) {
      JsonNode found = scim.get("/Groups?excludedAttributes=members&filter="
          + Http.encode("members.value eq \"" + member + "\"")).json();
      assertThat(found.get("totalResults").asInt()).as("groups with deleted member " + member).isZero();
    }
  }

  /** PATCH members only (one statement), PATCH through the engine (with a rename), and PUT with members. */
  private static List<AddPath> addPaths(String group) {
    return List.of(
        new AddPath("PATCH add", member -> scim.patch("/Groups/" + group, PATCH_OP.formatted(
            "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}"))),
        new AddPath("PATCH rename and add", member -> scim.patch("/Groups/" + group, PATCH_OP.formatted(
            "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Racing " + member + "\"},"
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}"))),
        new AddPath("PUT", member -> scim.put("/Groups/" + group, Fixtures.group("Racing", member))),
        new AddPath("POST", member -> scim.post("/Groups", Fixtures.group("Born with " + member, member))));
  }

  private static String create(String endpoint, String body) {
    Reply created = scim.post(endpoint, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** Runs both requests at once, released together, and returns their replies in order. */
  private static List<Reply> race(Supplier<Reply> first, Supplier<Reply> second) {
    CompletableFuture<Void> start = new CompletableFuture<>();
    CompletableFuture<Reply> a = start.thenApplyAsync(ignored -> first.get(), threads);
    CompletableFuture<Reply> b = start.thenApplyAsync(ignored -> second.get(), threads);
    start.complete(null);
    return List.of(a.join(), b.join());
  }
}
