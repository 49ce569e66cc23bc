package io.scimgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Group membership at scale: the latency of a PATCH that adds one member to, and one that removes one member
 * from, groups of growing size, over HTTP against a running gateway. The curves must be flat: a membership
 * change costs O(1) rows whatever the group's size.
 *
 * <p>Seeding goes straight to PostgreSQL (users and membership rows in a few {@code unnest} inserts), because
 * it is set-up, not the thing measured. Requests are sent one at a time: this measures latency, not throughput.
 *
 * <p>Environment: {@code SCIMGATE_URL} (default http://127.0.0.1:8080), {@code SCIMGATE_ADMIN_TOKEN},
 * {@code SCIMGATE_DATABASE_URL}; arguments: group sizes (default 1000 10000 100000). System properties:
 * {@code warmup} (default 300), {@code iterations} (default 2000).
 */
public final class GroupMembershipBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String gatewayUrl;
  private final String adminToken;
  private final Pool db;

  private GroupMembershipBenchmark(String gatewayUrl, String adminToken, Pool db) {
    this.gatewayUrl = gatewayUrl;
    this.adminToken = adminToken;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("SCIMGATE_URL", "http://127.0.0.1:8080");
    String token = required("SCIMGATE_ADMIN_TOKEN");
    String dbUrl = required("SCIMGATE_DATABASE_URL");
    int warmup = Integer.getInteger("warmup", 300);
    int iterations = Integer.getInteger("iterations", 2000);
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args.length == 0 ? new String[] {"1000", "10000", "100000"} : args) {
      sizes.add(Integer.parseInt(arg));
    }
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(PgConnectOptions.fromUri(dbUrl))
        .using(vertx).build();
    try {
      GroupMembershipBenchmark benchmark = new GroupMembershipBenchmark(url, token, db);
      System.out.printf(Locale.ROOT, "%-10s %-8s %8s %8s %8s %8s %8s%n", "members", "op", "count", "p50 ms",
          "p99 ms", "p99.9 ms", "max ms");
      for (int size : sizes) {
        benchmark.run(size, warmup, iterations);
      }
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  private void run(int size, int warmup, int iterations) throws Exception {
    Connection connection = newConnection();
    UUID tenant = UUID.fromString(connection.tenantId());
    UUID conn = UUID.fromString(connection.connectionId());
    List<UUID> members = seedUsers(tenant, conn, size, "member");
    List<UUID> extras = seedUsers(tenant, conn, warmup + iterations, "extra");
    String groupId = send(connection, "POST", "/Groups", "{\"displayName\":\"Benchmark " + size + "\"}", 201)
        .get("id").asText();
    seedMembership(UUID.fromString(groupId), members);

    Histogram add = new Histogram(60_000_000_000L, 3);
    Histogram remove = new Histogram(60_000_000_000L, 3);
    for (int i = 0; i < warmup + iterations; i++) {
      String member = extras.get(i).toString();
      long addNanos = timed(connection, groupId,
          "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}");
      long removeNanos = timed(connection, groupId,
          "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + member + "\\\"]\"}");
      if (i >= warmup) {
        add.recordValue(addNanos);
        remove.recordValue(removeNanos);
      }
    }
    print(size, "add", add);
    print(size, "remove", remove);
  }

  private long timed(Connection connection, String groupId, String operation) throws Exception {
    String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation
        + "]}";
    long start = System.nanoTime();
    send(connection, "PATCH", "/Groups/" + groupId, body, 204);
    return System.nanoTime() - start;
  }

  private Connection newConnection() throws Exception {
    JsonNode tenant = admin("POST", "/admin/v1/tenants", "{\"name\":\"benchmark\",\"scimEnabled\":true}");
    JsonNode connection = admin("POST", "/admin/v1/tenants/" + tenant.get("id").asText() + "/connections",
        "{\"vendor\":\"okta\",\"name\":\"benchmark\"}");
    return new Connection(tenant.get("id").asText(), connection.get("id").asText(),
        connection.get("scimBaseUrl").asText().replaceFirst("^https?://[^/]+", gatewayUrl),
        connection.get("token").asText());
  }

  /** Inserts users directly, in batches of 10,000 rows per statement. */
  private List<UUID> seedUsers(UUID tenant, UUID connection, int count, String prefix) {
    List<UUID> ids = new ArrayList<>(count);
    for (int start = 0; start < count; start += 10_000) {
      int n = Math.min(10_000, count - start);
      UUID[] batch = new UUID[n];
      String[] names = new String[n];
      for (int i = 0; i < n; i++) {
        batch[i] = UUID.randomUUID();
        names[i] = prefix + "-" + (start + i) + "-" + connection + "@bench.local";
        ids.add(batch[i]);
      }
      db.preparedQuery("INSERT INTO scim_users (id, tenant_id, connection_id, user_name, active, doc, version,"
              + " created_at, modified_at) SELECT u.id, $1, $2, u.name, true, jsonb_build_object('schemas',"
              + " jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', u.name, 'active', true),"
              + " 1, now(), now() FROM unnest($3::uuid[], $4::text[]) AS u(id, name)")
          .execute(Tuple.of(tenant, connection, batch, names)).await();
    }
    return ids;
  }

  private void seedMembership(UUID group, List<UUID> members) {
    for (int start = 0; start < members.size(); start += 10_000) {
      UUID[] batch = members.subList(start, Math.min(members.size(), start + 10_000)).toArray(UUID[]::new);
      db.preparedQuery("INSERT INTO scim_group_members (group_id, member_id, member_type)"
              + " SELECT $1, m, 'User' FROM unnest($2::uuid[]) AS m")
          .execute(Tuple.of(group, (Object) batch)).await();
    }
    db.query("ANALYZE scim_group_members").execute().await();
  }

  private JsonNode admin(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static JsonNode send(Connection connection, String method, String path, String body, int expected)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + path))
        .header("Authorization", "Bearer " + connection.token()).header("Content-Type", "application/scim+json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  private static void print(int size, String op, Histogram histogram) {
    System.out.printf(Locale.ROOT, "%-10d %-8s %8d %8.2f %8.2f %8.2f %8.2f%n", size, op,
        histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()));
  }

  private static double ms(long nanos) {
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is required (see benchmarks/README.md)");
    }
    return value;
  }

  private record Connection(String tenantId, String connectionId, String baseUrl, String token) {}
}
