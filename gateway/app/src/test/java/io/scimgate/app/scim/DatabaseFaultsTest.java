package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.http.TransientFailures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TableLock;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A database that is killed, locked, exhausted or refuses: 503 with Retry-After, never a 500 or a long wait. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatabaseFaultsTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.DATABASE_POOL_SIZE, "2", ConfigLoader.DATABASE_POOL_WAIT_MS, "500",
      ConfigLoader.DATABASE_STATEMENT_TIMEOUT_MS, "1500",
      // past the pool, so that its own wait is what runs out
      ConfigLoader.TENANT_MAX_RUNNING_REQUESTS, "10"));
  private static ScimClient client;

  @BeforeAll
  static void setUp() {
    client = gateway.newConnection("okta");
  }

  private static CompletableFuture<Reply> async(String path) {
    return CompletableFuture.supplyAsync(() -> client.scim().get(path));
  }

  private static void assertUnavailable(Reply reply) {
    assertScimError(reply, 503, null);
    assertThat(reply.header("Retry-After")).isEqualTo(Integer.toString(TransientFailures.RETRY_AFTER_SECONDS));
  }

  @Test
  void aConnectionKilledMidQueryIs503WithRetryAfter() throws Exception {
    CompletableFuture<Reply> waiting;
    try (TableLock lock = TableLock.exclusive(gateway.vertx(), gateway.databaseUrl(), "scim_users")) {
      waiting = async("/Users");
      String killed = null;
      for (int i = 0; i < 50 && killed == null; i++) {
        Thread.sleep(20);
        killed = gateway.sql("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = "
            + "current_database() AND wait_event_type = 'Lock' AND query LIKE '%scim_users%'");
      }
      assertThat(killed).isEqualTo("true");
      assertUnavailable(waiting.get(10, TimeUnit.SECONDS));
    }
    // the pool learns of the killed sockets asynchronously: as an IdP would, retry until the gateway recovers
    long deadline = System.currentTimeMillis() + 5_000;
    int status = client.scim().get("/Users").status();
    while (status == 503 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      status = client.scim().get("/Users").status();
    }
    assertThat(status).isEqualTo(200);
  }

  @Test
  void aLockedTableIsATimely503() throws Exception {
    try (TableLock lock = TableLock.exclusive(gateway.vertx(), gateway.databaseUrl(), "scim_users")) {
      long started = System.nanoTime();
      assertUnavailable(client.scim().get("/Users"));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      System.out.printf("GET /Users on a locked table answered 503 after %d ms%n", millis);
      assertThat(millis).isLessThan(5000);
    }
  }

  @Test
  void anExhaustedPoolIs503WithinThePoolWait() throws Exception {
    try (TableLock lock = TableLock.exclusive(gateway.vertx(), gateway.databaseUrl(), "scim_users")) {
      CompletableFuture<Reply> first = async("/Users");
      CompletableFuture<Reply> second = async("/Users");
      Thread.sleep(100);
      long started = System.nanoTime();
      Reply third = client.scim().get("/Users");
      assertUnavailable(third);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void onlyDatabaseOutagesAreTransient() {
    assertThat(TransientFailures.isTransient(new PgException("terminating connection", "FATAL", "57P01", null)))
        .isTrue();
    assertThat(TransientFailures.isTransient(new PgException("canceling statement", "ERROR", "57014", null))).isTrue();
    assertThat(TransientFailures.isTransient(new PgException("connection failure", "FATAL", "08006", null))).isTrue();
    assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused"))))
        .isTrue();
    assertThat(TransientFailures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(TransientFailures.isTransient(new java.net.SocketException("Connection reset"))).isTrue();
    assertThat(TransientFailures.isTransient(new io.vertx.core.VertxException("Timeout waiting for connection")))
        .isTrue();
    assertThat(TransientFailures.isTransient(new io.vertx.core.impl.NoStackTraceThrowable("Timeout"))).isTrue();
    assertThat(TransientFailures.isTransient(new PgException("no such table", "ERROR", "42P01", null))).isFalse();
    assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
  }
}
