package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent PATCHes never lose an update: each one is a read-modify-write under the resource's row lock. */
class ConcurrentWritesTest {
  private static final int WRITERS = 50;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("okta").scim();
  }

  @Test
  void fiftyConcurrentMemberAddsToOneGroupAllLand() {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      users.add(scim.post("/Users", Fixtures.oktaUser("concurrent" + i + "@okta.local")).json().get("id").asText());
    }
    String group = scim.post("/Groups", "{\"displayName\":\"Busy\"}").json().get("id").asText();

    List<Reply> replies = concurrently(i -> scim.patchOps("/Groups/" + group,
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(i) + "\"}]}"));

    assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(204));
    Set<String> members = new HashSet<>();
    JsonNode read = scim.get("/Groups/" + group).json();
    read.get("members").forEach(member -> members.add(member.get("value").asText()));
    assertThat(members).containsExactlyInAnyOrderElementsOf(users);
    assertThat(read.get("meta").get("version").asText()).isEqualTo("W/\"" + (WRITERS + 1) + "\"");
  }

  @Test
  void fiftyConcurrentPatchesToDifferentAttributesOfOneUserAllLand() {
    String user = scim.post("/Users", Fixtures.oktaUser("hotspot@okta.local")).json().get("id").asText();

    List<Reply> replies = concurrently(i -> scim.patchOps("/Users/" + user,
        "{\"op\":\"add\",\"path\":\"phoneNumbers[type eq \\\"line" + i + "\\\"].value\",\"value\":\"+1 555 01"
            + String.format("%02d", i) + "\"}"));

    assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
    JsonNode read = scim.get("/Users/" + user).json();
    Set<String> lines = new HashSet<>();
    read.get("phoneNumbers").forEach(phone -> lines.add(phone.get("type").asText()));
    assertThat(lines).hasSize(WRITERS);
    assertThat(read.get("meta").get("version").asText()).isEqualTo("W/\"" + (WRITERS + 1) + "\"");
    assertThat(read.get("userName").asText()).isEqualTo("hotspot@okta.local");
  }

  /** Runs {@code WRITERS} requests at once (a thread each, released together) and returns their replies. */
  private static List<Reply> concurrently(IntFunction<Reply> request) {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      CompletableFuture<Void> start = new CompletableFuture<>();
      List<CompletableFuture<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        int index = i;
        replies.add(start.thenApplyAsync(ignored -> request.apply(index), pool));
      }
      start.complete(null);
      return replies.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }
}
