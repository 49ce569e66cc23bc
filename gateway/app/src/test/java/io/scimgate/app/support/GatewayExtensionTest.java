package io.scimgate.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.scimgate.app.support.GatewayExtensionFixtures.FailingCase;
import io.scimgate.app.support.GatewayExtensionFixtures.FailingSetUp;
import io.scimgate.app.support.GatewayExtensionFixtures.SecondNodeRefused;
import io.scimgate.app.support.GatewayExtensionFixtures.Seen;
import io.scimgate.persistence.Database;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link GatewayExtension} closes what it started whatever failed: test classes that fail in a {@code @BeforeAll}
 * method, in a test, or in starting their second node ({@link GatewayExtensionFixtures}), run here through the
 * JUnit launcher, leave nothing listening on their ports and no database behind.
 */
class GatewayExtensionTest {

  @Test
  void aFailingSetUpStillClosesTheGatewayItsDatabaseAndTheMailServer() throws Exception {
    TestExecutionSummary summary = run(FailingSetUp.class);
    assertThat(summary.getTestsStartedCount()).isZero();
    assertThat(summary.getFailures()).singleElement()
        .satisfies(f -> assertThat(f.getException()).hasMessage("set-up fails on purpose"));
    assertClosed(FailingSetUp.seen);
  }

  @Test
  void aFailingTestStillClosesTheGatewayItsDatabaseAndTheMailServer() throws Exception {
    TestExecutionSummary summary = run(FailingCase.class);
    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getFailures()).singleElement()
        .satisfies(f -> assertThat(f.getException()).hasMessage("the test fails on purpose"));
    assertClosed(FailingCase.seen);
  }

  @Test
  void aSecondNodeThatCannotStartLeavesTheFirstClosed() {
    TestExecutionSummary summary = run(SecondNodeRefused.class);
    assertThat(summary.getTestsStartedCount()).isZero();
    assertThat(summary.getFailures()).singleElement()
        .satisfies(f -> assertThat(f.getException()).hasMessageStartingWith("Second node exited"));
    assertNothingListensOn(SecondNodeRefused.PORT);
  }

  @Test
  void usedOutsideAClassRunItSaysWhatIsMissing() {
    GatewayExtension idle = GatewayExtension.create();
    assertThatThrownBy(idle::admin).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RegisterExtension");
    assertThatThrownBy(idle::secondNode).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withSecondNode()");
    assertThatThrownBy(idle::mail).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withMailServer()");
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    GatewayExtensionFixtures.launching(true);
    try {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
          .build(), listener);
    } finally {
      GatewayExtensionFixtures.launching(false);
    }
    return listener.getSummary();
  }

  private static void assertClosed(Seen seen) throws Exception {
    assertThat(seen).as("the fixture saw its gateway").isNotNull();
    assertThatThrownBy(() -> new Http(seen.url(), null).get("/health/live")).as("gateway still listening")
        .isInstanceOf(UncheckedIOException.class);
    assertNothingListensOn(seen.smtpPort());
    Vertx vertx = Vertx.vertx();
    Pool pool = Database.pool(vertx, seen.databaseUrl(), 1);
    try {
      assertThatThrownBy(() -> pool.query("SELECT 1").execute().await(10, TimeUnit.SECONDS))
          .as("database dropped").hasMessageContaining("does not exist");
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void assertNothingListensOn(int port) {
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("port " + port + " still open")
        .isInstanceOf(IOException.class);
  }
}
