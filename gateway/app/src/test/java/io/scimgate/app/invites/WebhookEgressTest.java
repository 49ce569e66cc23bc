package io.scimgate.app.invites;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.RawReceiver;
import io.scimgate.app.support.RawReceiver.Behaviour;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import io.scimgate.app.support.Webhooks;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a hostile or broken receiver can do to a webhook send: answer without end, drip, refuse, or have its name
 * point somewhere the gateway must not go. One attempt per delivery here, so each outcome is final at once.
 */
class WebhookEgressTest {
  private static final int TIMEOUT_SECONDS = 5;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      "SCIMGATE_WEBHOOK_ALLOW_HTTP", "true", "SCIMGATE_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1",
      "SCIMGATE_WEBHOOK_TIMEOUT_SECONDS", Integer.toString(TIMEOUT_SECONDS), "SCIMGATE_DELIVERY_MAX_ATTEMPTS", "1",
      "SCIMGATE_INVITES_POLL_MS", "100"));

  @Test
  void aHugeAnswerIsReadOnlyInPart() throws Exception {
    try (RawReceiver receiver = RawReceiver.start(Behaviour.HUGE_ANSWER); HeapWatch heap = HeapWatch.start()) {
      String delivery = userCreatedAt(receiver.url());
      assertThat(awaitFinal(delivery, 30_000)).isEqualTo("sent");
      System.out.printf("Huge answer: the receiver wrote %.1f MB of its 400 MB; used heap grew by at most %.1f MB%n",
          receiver.bytesWritten() / 1048576.0, heap.growth() / 1048576.0);
      // what the kernel's socket buffers take before the receiver blocks; reading it all would be 400 MB
      assertThat(receiver.bytesWritten()).isLessThan(32L * 1024 * 1024);
    }
  }

  @Test
  void aDrippingReceiverIsCutOffAtTheDeadline() throws Exception {
    try (RawReceiver receiver = RawReceiver.start(Behaviour.DRIP)) {
      long started = System.nanoTime();
      String delivery = userCreatedAt(receiver.url());
      assertThat(awaitFinal(delivery, 20_000)).isEqualTo("dead");
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(seconds).as("seconds to give up on a drip").isLessThan(TIMEOUT_SECONDS + 8);
      assertThat(lastError(delivery)).isEqualTo(unreachable());
    }
  }

  @Test
  void lastErrorNamesNoPortState() throws Exception {
    String refused = userCreatedAt("http://127.0.0.1:" + TestGateway.freePort() + "/hooks");
    assertThat(awaitFinal(refused, 20_000)).isEqualTo("dead");
    assertThat(lastError(refused)).isEqualTo(unreachable());
  }

  /** A URL stored before the rules, or a name whose DNS changed since: refused on the address actually dialled. */
  @Test
  void anAddressThatIsNoLongerAllowedIsRefusedWhenDialled() throws Exception {
    ScimClient okta = Webhooks.tenantHookedTo(gateway.node(), "http://127.0.0.1:" + TestGateway.freePort() + "/hooks");
    gateway.sql("UPDATE webhook_endpoints SET url = $2 WHERE tenant_id = $1::uuid", okta.tenantId(),
        "http://127.0.0.2:" + TestGateway.freePort() + "/internal-admin/delete-everything");
    String delivery = userCreatedBy(okta);
    assertThat(awaitFinal(delivery, 20_000)).isEqualTo("dead");
    assertThat(lastError(delivery)).isEqualTo("the receiver's address is not allowed");
  }

  private static String unreachable() {
    return "could not reach the receiver (no connection, or no complete answer within " + TIMEOUT_SECONDS + " s)";
  }


  /** The id of the {@code user.created} webhook delivery of a new user of a new tenant hooked to {@code url}. */
  private static String userCreatedAt(String url) throws Exception {
    return userCreatedBy(Webhooks.tenantHookedTo(gateway.node(), url));
  }

  private static String userCreatedBy(ScimClient okta) throws Exception {
    okta.scim().post("/Users", Fixtures.oktaUser("egress-" + UUID.randomUUID() + "@example.com"));
    for (int i = 0; i < 100; i++) {
      String id = gateway.sql("SELECT id FROM deliveries WHERE tenant_id = $1::uuid AND channel = 'webhook'"
          + " AND event_type = 'user.created'", okta.tenantId());
      if (id != null) {
        return id;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no user.created delivery");
  }

  private static String awaitFinal(String delivery, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    String status = status(delivery);
    while (!"sent".equals(status) && !"dead".equals(status) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      status = status(delivery);
    }
    return status;
  }

  private static String status(String delivery) throws Exception {
    return gateway.sql("SELECT status FROM deliveries WHERE id = $1", delivery);
  }

  private static String lastError(String delivery) throws Exception {
    return gateway.sql("SELECT last_error FROM deliveries WHERE id = $1", delivery);
  }

  /** The largest growth of used heap over the start, sampled every 10 ms (the gateway runs in this JVM). */
  private static final class HeapWatch implements AutoCloseable {
    private final long baseline = used();
    private final AtomicLong peak = new AtomicLong(baseline);
    private final Thread sampler = new Thread(this::sample, "heap-watch");

    static HeapWatch start() {
      System.gc();
      HeapWatch watch = new HeapWatch();
      watch.sampler.setDaemon(true);
      watch.sampler.start();
      return watch;
    }

    long growth() {
      return peak.get() - baseline;
    }

    private void sample() {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(used(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private static long used() {
      Runtime runtime = Runtime.getRuntime();
      return runtime.totalMemory() - runtime.freeMemory();
    }

    @Override
    public void close() {
      sampler.interrupt();
    }
  }
}
