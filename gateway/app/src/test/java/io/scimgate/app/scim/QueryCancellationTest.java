package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.RawHttp;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TableLock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that gives up takes its statements with it: they are cancelled at once, not left running until the
 * statement timeout (set far away here, so that only cancellation can end them).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueryCancellationTest {
  private static final String WAITING_ON_USERS = "SELECT count(*)::text FROM pg_stat_activity WHERE datname = "
      + "current_database() AND wait_event_type = 'Lock' AND query LIKE '%scim_users%'";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.DATABASE_POOL_SIZE, "2", ConfigLoader.DATABASE_STATEMENT_TIMEOUT_MS, "30000",
      ConfigLoader.TENANT_MAX_RUNNING_REQUESTS, "10"));
  private static ScimClient client;

  @BeforeAll
  static void setUp() {
    client = gateway.newConnection("okta");
  }

  @Test
  void aSearchWhoseClientHangsUpIsCancelledAtOnce() throws Exception {
    long freedAfter;
    try (TableLock lock = TableLock.exclusive(gateway.vertx(), gateway.databaseUrl(), "scim_users")) {
      RawHttp raw = new RawHttp(RawHttp.port(gateway.url()), 5_000);
      raw.write(get("/Users?filter=" + io.scimgate.app.support.Http.encode("userName sw \"a\"")));
      assertThat(awaitWaiting(count -> count > 0)).as("the search waits on the lock").isPositive();
      long hungUp = System.nanoTime();
      raw.close();
      assertThat(awaitWaiting(count -> count == 0)).as("nothing of it still waits").isZero();
      freedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - hungUp);
    }
    System.out.printf("statements of a hung-up search cancelled %d ms after the client left%n", freedAfter);
    assertThat(freedAfter).isLessThan(5_000);
  }

  @Test
  void theCancelledConnectionsServeTheNextRequestsNormally() throws Exception {
    aSearchWhoseClientHangsUpIsCancelledAtOnce();
    // both pool connections took a cancel: each must run the next statements it gets, none cancelled late
    for (int i = 0; i < 6; i++) {
      assertThat(client.scim().post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
          + "\"userName\":\"after-cancel-" + i + "@example.com\"}").status()).isEqualTo(201);
      assertThat(client.scim().get("/Users?count=1").status()).isEqualTo(200);
    }
  }

  private static String get(String path) {
    return "GET /scim/v2/" + client.connectionId() + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + client.token() + "\r\n\r\n";
  }

  private static int awaitWaiting(java.util.function.IntPredicate wanted) throws Exception {
    int count = -1;
    for (int i = 0; i < 100; i++) {
      count = Integer.parseInt(gateway.sql(WAITING_ON_USERS));
      if (wanted.test(count)) {
        return count;
      }
      Thread.sleep(50);
    }
    return count;
  }
}
