package io.scimgate.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request budgets over real HTTP: a connection over its budget gets 429 with Retry-After and a SCIM error body,
 * per-connection budgets set through the admin API apply at once, a tenant's connections share its budget, and a
 * flooding tenant leaves another tenant's requests alone.
 */
class RateLimitTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.RATE_LIMIT_CONNECTION_RPS, "2", ConfigLoader.RATE_LIMIT_CONNECTION_BURST, "20",
      ConfigLoader.RATE_LIMIT_TENANT_RPS, "3", ConfigLoader.RATE_LIMIT_TENANT_BURST, "30"));
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void overItsBudgetAConnectionGets429WithRetryAfterAndAScimError() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    long started = System.nanoTime();
    List<Reply> replies = burst(client.scim(), 40);
    assertThat(allowed(replies)).isBetween(20L, 20L + refilled(2, started));
    Reply refused = replies.stream().filter(reply -> reply.status() == 429).findFirst().orElseThrow();
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("Content-Type")).startsWith("application/scim+json");
    JsonNode error = refused.json();
    assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(error.get("status").asText()).isEqualTo("429");
    assertThat(error.get("detail").asText()).contains("connection").contains("2 per second");
    assertRefusalsSampledInTheRequestLog(client, replies, started);
  }

  /** A flood's refusals take at most one request-log row per second, not one each. */
  private static void assertRefusalsSampledInTheRequestLog(ScimClient client, List<Reply> replies, long started)
      throws InterruptedException {
    long refused = replies.stream().filter(reply -> reply.status() == 429).count();
    long seconds = (System.nanoTime() - started) / 1_000_000_000L + 1;
    String log = "/admin/v1/tenants/" + client.tenantId() + "/connections/" + client.connectionId()
        + "/requests?limit=500";
    List<JsonNode> rows = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 10_000;
    while (rows.size() < 20 && System.currentTimeMillis() < deadline) {
      rows.clear();
      admin.get(log).json().get("items").forEach(rows::add);
      Thread.sleep(100);
    }
    List<JsonNode> refusals = rows.stream().filter(row -> row.get("status").asInt() == 429).toList();
    assertThat(refusals).isNotEmpty().hasSizeLessThanOrEqualTo((int) seconds + 1);
    assertThat((long) refusals.size()).isLessThan(refused);
    assertThat(refusals.get(0).get("detail").asText()).contains("connection");
  }

  @Test
  void aConnectionsOwnBudgetIsSetThroughTheAdminApiAndAppliesAtOnce() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String path = "/admin/v1/tenants/" + client.tenantId() + "/connections/" + client.connectionId();
    JsonNode defaults = admin.get(path).json().get("rateLimit");
    assertThat(defaults.get("requestsPerSecond").asInt()).isEqualTo(2);
    assertThat(defaults.get("burst").asInt()).isEqualTo(20);
    assertThat(defaults.get("source").asText()).isEqualTo("default");

    JsonNode changed = admin.patch(path, "{\"rateLimit\":{\"requestsPerSecond\":5,\"burst\":5}}").json();
    assertThat(changed.get("rateLimit").get("requestsPerSecond").asInt()).isEqualTo(5);
    assertThat(changed.get("rateLimit").get("source").asText()).isEqualTo("connection");
    assertThat(admin.patch(path, "{\"name\":\"renamed\"}").json().get("rateLimit").get("requestsPerSecond").asInt())
        .as("a change of another setting keeps the budget").isEqualTo(5);
    long started = System.nanoTime();
    assertThat(allowed(burst(client.scim(), 12))).isBetween(5L, 5L + refilled(5, started));

    assertThat(admin.patch(path, "{\"rateLimit\":null}").json().get("rateLimit").get("source").asText())
        .isEqualTo("default");
    Thread.sleep(600); // one token at the default 2 per second
    assertThat(client.scim().get("/Users?count=1").status()).isEqualTo(200);
  }

  @Test
  void badBudgetsAre400sAndChangeNothing() {
    ScimClient client = gateway.newConnection("okta");
    String path = "/admin/v1/tenants/" + client.tenantId() + "/connections/" + client.connectionId();
    for (String bad : List.of("{\"rateLimit\":{\"requestsPerSecond\":0}}", "{\"rateLimit\":{\"burst\":5}}",
        "{\"rateLimit\":{\"requestsPerSecond\":\"ten\"}}", "{\"rateLimit\":7}",
        "{\"rateLimit\":{\"requestsPerSecond\":100001}}")) {
      Reply reply = admin.patch(path, bad);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.json().get("detail").asText()).contains("rateLimit");
    }
    assertThat(admin.get(path).json().get("rateLimit").get("source").asText()).isEqualTo("default");
  }

  @Test
  void aTenantsConnectionsShareTheTenantsBudget() {
    ScimClient first = gateway.newConnection("okta");
    String second = admin.post("/admin/v1/tenants/" + first.tenantId() + "/connections",
        "{\"vendor\":\"okta\",\"name\":\"second\"}").json().toString();
    JsonNode connection = io.scimgate.scim.json.ScimJson.parse(second);
    Http secondScim = new Http(connection.get("scimBaseUrl").asText(), connection.get("token").asText());
    long started = System.nanoTime();
    long allowed = allowed(burst(first.scim(), 20)) + allowed(burst(secondScim, 20));
    // each connection may take 20, but together they get the tenant's 30 (plus what refills meanwhile)
    assertThat(allowed).isBetween(30L, 30L + refilled(3, started));
    assertThat(burst(secondScim, 5)).anySatisfy(reply -> {
      assertThat(reply.status()).isEqualTo(429);
      assertThat(reply.json().get("detail").asText()).contains("tenant");
    });
  }

  @Test
  void aFloodingTenantLeavesAnotherTenantAlone() throws Exception {
    ScimClient flooder = gateway.newConnection("okta");
    ScimClient victim = gateway.newConnection("okta");
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> floods = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      floods.add(pool.submit(() -> {
        while (flooding.get()) {
          if (flooder.scim().get("/Users?count=1").status() == 429) {
            refused.incrementAndGet();
          }
        }
      }));
    }
    try {
      Thread.sleep(300);
      for (int i = 0; i < 15; i++) {
        Reply reply = victim.scim().get("/Users?count=1");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Thread.sleep(60);
      }
    } finally {
      flooding.set(false);
      for (Future<?> flood : floods) {
        flood.get(10, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(refused.get()).isPositive();
  }

  private static long allowed(List<Reply> replies) {
    return replies.stream().filter(reply -> reply.status() == 200).count();
  }

  /** The most tokens a budget of {@code perSecond} can have refilled since {@code startedNanos} (rounded up). */
  private static long refilled(int perSecond, long startedNanos) {
    return (long) Math.ceil((System.nanoTime() - startedNanos) / 1e9 * perSecond) + 1;
  }

  /** {@code count} lookups as fast as one client sends them. */
  private static List<Reply> burst(Http scim, int count) {
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      replies.add(scim.get("/Users?count=1"));
    }
    return replies;
  }
}
