package io.scimgate.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * Group membership at scale: the latency of a PATCH that adds one member to, and one that removes one member
 * from, groups of growing size, over HTTP against a running gateway. The curves must be flat: a membership
 * change costs O(1) rows whatever the group's size. Requests are sent one at a time: this measures latency.
 *
 * <p>Environment: {@code SCIMGATE_URL} (default http://127.0.0.1:8080), {@code SCIMGATE_ADMIN_TOKEN},
 * {@code SCIMGATE_DATABASE_URL}; arguments: group sizes (default 1000 10000 100000). System properties:
 * {@code warmup} (default 300), {@code iterations} (default 2000).
 */
public final class GroupMembershipBenchmark {
  private GroupMembershipBenchmark() {}

  public static void main(String[] args) throws Exception {
    int warmup = Integer.getInteger("warmup", 300);
    int iterations = Integer.getInteger("iterations", 2000);
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args.length == 0 ? new String[] {"1000", "10000", "100000"} : args) {
      sizes.add(Integer.parseInt(arg));
    }
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(GatewayClient.required("SCIMGATE_DATABASE_URL"))).using(vertx).build();
    try {
      GatewayClient client = new GatewayClient(System.getenv().getOrDefault("SCIMGATE_URL", "http://127.0.0.1:8080"),
          GatewayClient.required("SCIMGATE_ADMIN_TOKEN"), db);
      GatewayClient.printHeader("members");
      for (int size : sizes) {
        run(client, size, warmup, iterations);
      }
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  private static void run(GatewayClient client, int size, int warmup, int iterations) throws Exception {
    GatewayClient.Connection connection = client.newConnection("okta");
    List<UUID> members = client.seedUsers(connection, size, "member");
    List<UUID> extras = client.seedUsers(connection, warmup + iterations, "extra");
    String groupId = client.send(connection, "POST", "/Groups", "{\"displayName\":\"Benchmark " + size + "\"}", 201)
        .get("id").asText();
    client.seedMembership(UUID.fromString(groupId), members);

    Histogram add = new Histogram(60_000_000_000L, 3);
    Histogram remove = new Histogram(60_000_000_000L, 3);
    for (int i = 0; i < warmup + iterations; i++) {
      String member = extras.get(i).toString();
      long addNanos = timed(client, connection, groupId,
          "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}");
      long removeNanos = timed(client, connection, groupId,
          "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + member + "\\\"]\"}");
      if (i >= warmup) {
        add.recordValue(addNanos);
        remove.recordValue(removeNanos);
      }
    }
    GatewayClient.print(size, "add", add);
    GatewayClient.print(size, "remove", remove);
  }

  private static long timed(GatewayClient client, GatewayClient.Connection connection, String groupId,
      String operation) throws Exception {
    String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation
        + "]}";
    long start = System.nanoTime();
    client.send(connection, "PATCH", "/Groups/" + groupId, body, 204);
    return System.nanoTime() - start;
  }

}
