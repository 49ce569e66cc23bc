package io.scimgate.app.support;

import io.scimgate.app.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes that fail on purpose, for {@link GatewayExtensionTest} to run through the JUnit launcher. Their
 * names match no Surefire pattern, and they run only while that test launches them (a run of the whole package in
 * an IDE skips them).
 */
final class GatewayExtensionFixtures {
  private static volatile boolean launched;

  private GatewayExtensionFixtures() {}

  /** Whether {@link GatewayExtensionTest} is running a fixture now (read by {@code @EnabledIf}). */
  static boolean launched() {
    return launched;
  }

  static void launching(boolean now) {
    launched = now;
  }

  /** What a fixture's gateway was, read while it ran. */
  record Seen(String url, String databaseUrl, int smtpPort) {
    static Seen of(GatewayExtension gateway) {
      return new Seen(gateway.url(), gateway.databaseUrl(),
          Integer.parseInt(gateway.mail().gatewayEnvironment().get("SCIMGATE_SMTP_PORT")));
    }
  }

  @EnabledIf("io.scimgate.app.support.GatewayExtensionFixtures#launched")
  static class FailingSetUp {
    static Seen seen;

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.create().withMailServer();

    @BeforeAll
    static void setUp() {
      seen = Seen.of(gateway);
      throw new IllegalStateException("set-up fails on purpose");
    }

    @Test
    void neverRuns() {}
  }

  @EnabledIf("io.scimgate.app.support.GatewayExtensionFixtures#launched")
  static class FailingCase {
    static Seen seen;

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.create().withMailServer();

    @Test
    void failsOnPurpose() {
      seen = Seen.of(gateway);
      throw new AssertionError("the test fails on purpose");
    }
  }

  @EnabledIf("io.scimgate.app.support.GatewayExtensionFixtures#launched")
  static class SecondNodeRefused {
    // both nodes get the same environment: the second cannot bind the port the first holds
    static final int PORT = TestGateway.freePort();

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.create()
        .withEnv(Map.of(ConfigLoader.HTTP_PORT, Integer.toString(PORT))).withSecondNode();

    @Test
    void neverRuns() {}
  }
}
