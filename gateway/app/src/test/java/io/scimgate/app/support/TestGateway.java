package io.scimgate.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.Gateway;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.observability.Observability;
import io.scimgate.persistence.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway on a free port, over a fresh PostgreSQL database, for HTTP-level tests. Start it once per
 * test class; {@link #close()} stops it and drops the database.
 */
public final class TestGateway implements AutoCloseable {
  public static final String SECRET = "test-signing-secret-0123456789-abcdefghijklmnop";

  private final TestDatabase database;
  private final Vertx vertx;
  private final Gateway gateway;
  private final GatewayConfig config;

  private TestGateway(TestDatabase database, Vertx vertx, Gateway gateway, GatewayConfig config) {
    this.database = database;
    this.vertx = vertx;
    this.gateway = gateway;
    this.config = config;
  }

  public static TestGateway start() {
    return start(Map.of());
  }

  /** Starts with extra environment variables (see ConfigLoader), e.g. a small body limit. */
  public static TestGateway start(Map<String, String> extraEnv) {
    TestDatabase database = TestDatabase.create();
    GatewayConfig config = new ConfigLoader(environment(database.url(), freePort(), extraEnv)).load();
    Observability observability = Observability.create(config.observability());
    Vertx vertx = observability.vertx();
    try {
      Gateway gateway = Gateway.start(vertx, config, observability).await(60, TimeUnit.SECONDS);
      return new TestGateway(database, vertx, gateway, config);
    } catch (Exception e) {
      vertx.close();
      database.close();
      throw new IllegalStateException("Test gateway did not start", e);
    }
  }

  /** The environment of a gateway node on {@code port} over {@code databaseUrl}. */
  public static Map<String, String> environment(String databaseUrl, int port, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>();
    env.put(ConfigLoader.DATABASE_URL, databaseUrl);
    env.put(ConfigLoader.HTTP_PORT, Integer.toString(port));
    env.put(ConfigLoader.HTTP_HOST, "127.0.0.1");
    env.put(ConfigLoader.SIGNING_SECRET, SECRET);
    env.put(ConfigLoader.HTTP_INSTANCES, "2");
    env.put(ConfigLoader.DATABASE_POOL_SIZE, "4");
    // tests push faster than any IdP; the budgets have their own test (RateLimitTest)
    env.put(ConfigLoader.RATE_LIMIT_CONNECTION_RPS, "0");
    env.put(ConfigLoader.RATE_LIMIT_TENANT_RPS, "0");
    // a quarter of the 4-connection pool would run one request per tenant at a time: races and concurrent writes
    // would never happen (the gate has its own test, TenantFairnessTest)
    env.put(ConfigLoader.TENANT_MAX_RUNNING_REQUESTS, "8");
    // metrics on, as in production, on a free port of the loopback interface (several nodes may share the machine)
    env.put(ConfigLoader.METRICS_PORT, "0");
    env.put(ConfigLoader.METRICS_HOST, "127.0.0.1");
    env.putAll(extraEnv);
    return env;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return config.publicUrl();
  }

  public GatewayConfig config() {
    return config;
  }

  /** Where Prometheus would scrape this node. */
  public String metricsUrl() {
    return "http://127.0.0.1:" + gateway.metricsPort() + "/metrics";
  }

  public String databaseUrl() {
    return database.url();
  }

  /** An HTTP client with a valid admin token. */
  public Http admin() {
    TokenService tokens = new TokenService(vertx, SECRET);
    return new Http(url(), tokens.issueAdminToken("test-operator", 600));
  }

  public Http anonymous() {
    return new Http(url(), null);
  }

  /** Creates a tenant with SCIM enabled and a connection of {@code vendor}; the connection's admin JSON + token. */
  public ScimClient newConnection(String vendor) {
    Http admin = admin();
    JsonNode tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Acme " + vendor + "\",\"scimEnabled\":true}").json();
    JsonNode connection = admin.post("/admin/v1/tenants/" + tenant.get("id").asText() + "/connections",
        "{\"vendor\":\"" + vendor + "\",\"name\":\"" + vendor + " production\"}").json();
    return new ScimClient(tenant.get("id").asText(), connection.get("id").asText(),
        connection.get("token").asText(), new Http(connection.get("scimBaseUrl").asText(),
        connection.get("token").asText()));
  }

  /** Runs a query on the gateway's database; the first column of the first row as text, or null. */
  public String sql(String query, Object... params) throws Exception {
    io.vertx.sqlclient.Pool pool = io.scimgate.persistence.Database.pool(vertx, database.url(), 1);
    try {
      var rows = pool.preparedQuery(query).execute(io.vertx.sqlclient.Tuple.wrap(params)).await(10, TimeUnit.SECONDS);
      var it = rows.iterator();
      if (!it.hasNext()) {
        return null;
      }
      Object value = it.next().getValue(0);
      return value == null ? null : value.toString();
    } finally {
      pool.close();
    }
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    try {
      gateway.stop().await(30, TimeUnit.SECONDS);
      vertx.close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      database.close();
    }
  }
}
