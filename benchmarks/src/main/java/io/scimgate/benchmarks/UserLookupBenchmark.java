package io.scimgate.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * The lookups IdPs make before every write, against one connection holding many users: Okta's
 * {@code userName eq "..."} and Entra's {@code externalId eq "..."}, for random existing users, one request at
 * a time, over HTTP. They must stay index lookups: flat latency whatever the directory's size.
 *
 * <p>Environment as {@link GroupMembershipBenchmark}; argument: the number of users (default 1000000).
 * System properties: {@code warmup} (default 2000), {@code iterations} (default 5000).
 */
public final class UserLookupBenchmark {
  private UserLookupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length == 0 ? 1_000_000 : Integer.parseInt(args[0]);
    int warmup = Integer.getInteger("warmup", 2000);
    int iterations = Integer.getInteger("iterations", 5000);
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(GatewayClient.required("SCIMGATE_DATABASE_URL"))).using(vertx).build();
    try {
      GatewayClient client = new GatewayClient(System.getenv().getOrDefault("SCIMGATE_URL", "http://127.0.0.1:8080"),
          GatewayClient.required("SCIMGATE_ADMIN_TOKEN"), db);
      GatewayClient.Connection connection = client.newConnection("okta");
      long seedStart = System.nanoTime();
      client.seedUsers(connection, users, "user");
      System.out.printf("seeded %d users in %.1f s%n", users, (System.nanoTime() - seedStart) / 1e9);
      GatewayClient.printHeader("users");
      measure(client, connection, users, warmup, iterations, "userName", n -> GatewayClient.userName("user", n));
      measure(client, connection, users, warmup, iterations, "externalId", n -> GatewayClient.externalId("user", n));
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  private static void measure(GatewayClient client, GatewayClient.Connection connection, int users, int warmup,
      int iterations, String attribute, java.util.function.IntFunction<String> value) throws Exception {
    Random random = new Random(7);
    Histogram histogram = new Histogram(60_000_000_000L, 3);
    for (int i = 0; i < warmup + iterations; i++) {
      String filter = URLEncoder.encode(attribute + " eq \"" + value.apply(random.nextInt(users)) + "\"",
          StandardCharsets.UTF_8).replace("+", "%20");
      long start = System.nanoTime();
      var list = client.send(connection, "GET", "/Users?filter=" + filter, null, 200);
      long nanos = System.nanoTime() - start;
      if (list.get("totalResults").asInt() != 1) {
        throw new IllegalStateException("expected exactly one match for " + filter);
      }
      if (i >= warmup) {
        histogram.recordValue(nanos);
      }
    }
    GatewayClient.print(users, attribute + " eq", histogram);
  }
}
