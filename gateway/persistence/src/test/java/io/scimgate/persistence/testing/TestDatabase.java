package io.scimgate.persistence.testing;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped afterwards. Tests need a real PostgreSQL:
 * when none answers they fail with a message that says how to provide one; they never skip.
 *
 * <p>The server is {@code SCIMGATE_TEST_ADMIN_URL} (default {@code postgresql://postgres@127.0.0.1:5432/postgres}),
 * which must allow CREATE DATABASE.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String ADMIN_URL_VARIABLE = "SCIMGATE_TEST_ADMIN_URL";
  private static final String DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

  private final String name;
  private final String url;

  private TestDatabase(String name, String url) {
    this.name = name;
    this.url = url;
  }

  public static TestDatabase create() {
    String name = "scimgate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    // The name is generated here from hex digits only: CREATE DATABASE takes no bind parameters.
    admin("CREATE DATABASE " + name);
    PgConnectOptions server = PgConnectOptions.fromUri(adminUrl());
    String auth = server.getPassword() == null || server.getPassword().isEmpty() ? server.getUser()
        : server.getUser() + ":" + server.getPassword();
    return new TestDatabase(name, "postgresql://" + auth + "@" + server.getHost() + ":" + server.getPort() + "/" + name);
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The server the tests create their databases on. */
  public static String adminUrl() {
    String configured = System.getenv(ADMIN_URL_VARIABLE);
    return configured == null || configured.isBlank() ? DEFAULT_ADMIN_URL : configured;
  }

  private static void admin(String sql) {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(adminUrl())).using(vertx).build();
    try {
      pool.query(sql).execute().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("The tests need a PostgreSQL server they can create databases on ("
          + ADMIN_URL_VARIABLE + ", default " + DEFAULT_ADMIN_URL + "); `bash .ci/run` starts the local one. "
          + "Statement failed: " + sql + ": " + e.getMessage(), e);
    } finally {
      pool.close();
      vertx.close();
    }
  }
}
