package io.scimgate.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.RawHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Idle and slow-header clients cannot exhaust a node: a connection cap, head and idle timeouts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLimitsTest {
  private static final int CAP = 100;
  private static final int SLOW_CLIENTS = 300;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.HTTP_MAX_CONNECTIONS, Integer.toString(CAP), ConfigLoader.HTTP_HEADER_TIMEOUT_SECONDS, "2",
      ConfigLoader.HTTP_IDLE_TIMEOUT_SECONDS, "3", ConfigLoader.HTTP_BODY_TIMEOUT_SECONDS, "2"));
  private static int port;

  @BeforeAll
  static void setUp() {
    port = RawHttp.port(gateway.url());
  }

  @Test
  void slowHeaderClientsAreClosedAndNewClientsAreServedAgain() throws Exception {
    Logger capLog = (Logger) LoggerFactory.getLogger(OpenConnections.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    capLog.addAppender(logged);
    List<RawHttp> slow = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        slow.add(new RawHttp(port, 1).write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
      }
      long opened = System.nanoTime();
      Thread.sleep(300);
      int refusedAtOnce = countClosed(slow);
      System.out.printf("%d of %d half-request connections refused at once (cap %d)%n", refusedAtOnce,
          SLOW_CLIENTS, CAP);
      assertThat(SLOW_CLIENTS - refusedAtOnce).as("connections held").isLessThanOrEqualTo(CAP);

      assertThat(healthAnswersWithin(10_000)).as("a new client is served after the head timeout").isTrue();
      while (countClosed(slow) < SLOW_CLIENTS && System.nanoTime() - opened < TimeUnit.SECONDS.toNanos(15)) {
        Thread.sleep(200);
      }
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - opened);
      System.out.printf("every slow-header client closed after %d s%n", seconds);
      assertThat(countClosed(slow)).isEqualTo(SLOW_CLIENTS);
    } finally {
      capLog.detachAppender(logged);
      for (RawHttp raw : slow) {
        raw.close();
      }
    }
    assertThat(logged.list).as("one line when the cap is reached, not one per refusal")
        .filteredOn(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN).hasSize(1);
  }

  @Test
  void aBodyThatNeverArrivesIsCutOff() throws Exception {
    try (RawHttp raw = new RawHttp(port, 10_000)) {
      raw.write("POST /admin/v1/tenants HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Authorization: Bearer " + gateway.admin().token() + "\r\nContent-Length: 100\r\n\r\n{");
      long started = System.nanoTime();
      boolean closed = raw.closedByPeer() || raw.closedByPeer();
      assertThat(closed).isTrue();
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(8);
    }
  }

  private static int countClosed(List<RawHttp> connections) throws IOException {
    int closed = 0;
    for (RawHttp raw : connections) {
      if (raw.isClosed() || raw.closedByPeer()) {
        closed++;
      }
    }
    return closed;
  }

  private static boolean healthAnswersWithin(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      try (RawHttp raw = new RawHttp(port, 2_000)) {
        if (raw.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read().status() == 200) {
          return true;
        }
      } catch (IOException refused) {
        Thread.sleep(200);
      }
    }
    return false;
  }
}
