package io.scimgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.sqlclient.Pool;
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
 * What every benchmark needs: a tenant and connection made through the admin API, SCIM requests with that
 * connection's token, users seeded straight into PostgreSQL (set-up, not the thing measured), and a table row
 * per histogram.
 */
public final class GatewayClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String gatewayUrl;
  private final String adminToken;
  private final Pool db;

  public GatewayClient(String gatewayUrl, String adminToken, Pool db) {
    this.gatewayUrl = gatewayUrl;
    this.adminToken = adminToken;
    this.db = db;
  }

  /** A SCIM connection of a new tenant, as an IdP holds it. */
  public record Connection(UUID tenantId, UUID connectionId, String baseUrl, String token) {}

  public Connection newConnection(String vendor) throws Exception {
    JsonNode tenant = admin("POST", "/admin/v1/tenants", "{\"name\":\"benchmark\",\"scimEnabled\":true}");
    JsonNode connection = admin("POST", "/admin/v1/tenants/" + tenant.get("id").asText() + "/connections",
        "{\"vendor\":\"" + vendor + "\",\"name\":\"benchmark\"}");
    return new Connection(UUID.fromString(tenant.get("id").asText()), UUID.fromString(connection.get("id").asText()),
        connection.get("scimBaseUrl").asText().replaceFirst("^https?://[^/]+", gatewayUrl),
        connection.get("token").asText());
  }

  /**
   * A tenant and connection inserted straight into PostgreSQL, for the ceiling server (which has no admin API).
   * {@code serverUrl} is that server's root; the token is not checked there.
   */
  public Connection insertConnection(String serverUrl) {
    UUID tenant = UUID.randomUUID();
    UUID connection = UUID.randomUUID();
    db.preparedQuery("INSERT INTO tenants (id, name, scim_enabled) VALUES ($1, 'ceiling', true)")
        .execute(Tuple.of(tenant)).await();
    db.preparedQuery("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, status, token_generation,"
            + " token_fingerprint) VALUES ($1, $2, 'okta', 'ceiling', 'Okta SCIM - ', 'enabled', 1, '-')")
        .execute(Tuple.of(connection, tenant)).await();
    return new Connection(tenant, connection, serverUrl + "/scim/v2/" + connection, "none");
  }

  /** A group inserted straight into PostgreSQL. */
  public UUID insertGroup(Connection connection, String displayName) {
    UUID id = UUID.randomUUID();
    db.preparedQuery("INSERT INTO scim_groups (id, tenant_id, connection_id, display_name, product_name, doc,"
            + " version, created_at, modified_at) VALUES ($1, $2, $3, $4, $4, jsonb_build_object('displayName', $4),"
            + " 1, now(), now())")
        .execute(Tuple.of(id, connection.tenantId(), connection.connectionId(), displayName)).await();
    return id;
  }

  /**
   * Inserts {@code count} users directly, 10,000 rows per statement: userName {@code <prefix>-<n>@bench.local},
   * externalId {@code <prefix>-ext-<n>}, the same e-mail. Returns their ids in order.
   */
  public List<UUID> seedUsers(Connection connection, int count, String prefix) {
    List<UUID> ids = new ArrayList<>(count);
    try (Progress seeding = Progress.counting("seeding " + prefix + " users", count)) {
      seedUsers(connection, count, prefix, ids, seeding);
    }
    db.query("ANALYZE scim_users").execute().await();
    return ids;
  }

  private void seedUsers(Connection connection, int count, String prefix, List<UUID> ids, Progress seeding) {
    for (int start = 0; start < count; start += 10_000) {
      int n = Math.min(10_000, count - start);
      UUID[] batch = new UUID[n];
      String[] names = new String[n];
      String[] externalIds = new String[n];
      for (int i = 0; i < n; i++) {
        batch[i] = UUID.randomUUID();
        names[i] = userName(prefix, start + i);
        externalIds[i] = externalId(prefix, start + i);
        ids.add(batch[i]);
      }
      withoutTriggers("INSERT INTO scim_users (id, tenant_id, connection_id, user_name, external_id, active,"
              + " emails_folded, doc, version, created_at, modified_at) SELECT u.id, $1, $2, u.name, u.ext, true,"
              + " ARRAY[u.name], jsonb_build_object('schemas', jsonb_build_array("
              + "'urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', u.name, 'externalId', u.ext,"
              + " 'emails', jsonb_build_array(jsonb_build_object('value', u.name, 'type', 'work')), 'active', true),"
              + " 1, now(), now() FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(id, name, ext)",
          Tuple.of(connection.tenantId(), connection.connectionId(), batch, names, externalIds));
      seeding.add(n);
    }
  }

  /**
   * Seeding is set-up, not product traffic: with the session in replica mode the outbox triggers do not fire, so
   * a million seeded users do not become a million events for the relay to chew through during the measurement.
   */
  private void withoutTriggers(String sql, Tuple params) {
    db.withTransaction(conn -> conn.query("SET LOCAL session_replication_role = replica").execute()
        .compose(replica -> conn.preparedQuery(sql).execute(params))).await();
  }

  static String userName(String prefix, int n) {
    return prefix + "-" + n + "@bench.local";
  }

  static String externalId(String prefix, int n) {
    return prefix + "-ext-" + n;
  }

  Pool db() {
    return db;
  }

  /** Inserts membership rows directly, 10,000 per statement. */
  public void seedMembership(UUID group, List<UUID> members) {
    try (Progress seeding = Progress.counting("seeding group members", members.size())) {
      for (int start = 0; start < members.size(); start += 10_000) {
        UUID[] batch = members.subList(start, Math.min(members.size(), start + 10_000)).toArray(UUID[]::new);
        withoutTriggers("INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
            + " SELECT (SELECT tenant_id FROM scim_groups WHERE id = $1), $1, m, 'User' FROM unnest($2::uuid[]) AS m"
            + " ON CONFLICT DO NOTHING",
            Tuple.of(group, (Object) batch));
        seeding.add(batch.length);
      }
    }
    db.query("ANALYZE scim_group_members").execute().await();
  }

  /** Sends a SCIM request and checks its status; the parsed body, or null when empty. */
  public JsonNode send(Connection connection, String method, String path, String body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + path))
        .header("Authorization", "Bearer " + connection.token()).timeout(Duration.ofSeconds(30));
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    HttpResponse<String> response = HTTP.send(request.method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  /** A bodiless request's status, whatever it is, and its {@code Retry-After} in seconds (0 when none). */
  public record Answer(int status, long retryAfterSeconds) {}

  /** Sends a bodiless request and returns its answer, whatever the status (floods count their refusals). */
  public Answer answer(Connection connection, String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + path))
        .header("Authorization", "Bearer " + connection.token()).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
    return new Answer(response.statusCode(),
        response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L));
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

  static void printHeader(String first) {
    System.out.printf(Locale.ROOT, "%-10s %-10s %8s %8s %8s %8s %8s%n", first, "op", "count", "p50 ms", "p99 ms",
        "p99.9 ms", "max ms");
  }

  static void print(long size, String op, Histogram histogram) {
    System.out.printf(Locale.ROOT, "%-10d %-10s %8d %8.2f %8.2f %8.2f %8.2f%n", size, op,
        histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()));
  }

  public static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is required (see the README's Benchmarks section)");
    }
    return value;
  }

  private static double ms(long nanos) {
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }
}
