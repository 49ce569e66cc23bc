package io.scimgate.app.support;

import io.scimgate.app.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The gateway of a test class: a {@link TestGateway} started before the class's first test (and before its
 * {@code @BeforeAll} methods), optionally with a second node ({@link GatewayProcess}) on the same database and a
 * {@link MailServer} the nodes send to, all closed after the class (after its {@code @AfterAll} methods).
 *
 * <p>It exists because most HTTP-level test classes repeated the same static start and close block, often with a
 * second node started by hand, and each copy had to get the failure paths right on its own (a close skipped by an
 * exception before it, a first node left running when the second did not start). JUnit calls {@link #afterAll}
 * even when {@link #beforeAll}, a {@code @BeforeAll} method or a test failed, and it closes whatever did start:
 * the second node first (it is connected to the database that closing the first node drops), then the first,
 * then the mail server.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(...)).withSecondNode();
 * </pre>
 *
 * <p>The field must be static (one gateway per class, as before) and not private (JUnit reads it). The methods
 * below forward to the running {@link TestGateway} so that test bodies read {@code gateway.admin()} as they did;
 * {@link #node()} gives the {@link TestGateway} itself to helpers that take one.
 */
public final class GatewayExtension implements BeforeAllCallback, AfterAllCallback {
  private final Setup setup;
  private Running running;

  /** What to start: the extra environment of every node, a mail server first, a second node last. */
  private record Setup(Map<String, String> env, boolean mailServer, boolean secondNode) {}

  /**
   * What is running for the test class {@code owner} (a JUnit unique id), filled in as it starts so that a failed
   * start still closes what came before it; absent parts are null.
   */
  private record Running(String owner, MailServer mail, TestGateway first, GatewayProcess second)
      implements AutoCloseable {
    Running withFirst(TestGateway node) {
      return new Running(owner, mail, node, second);
    }

    Running withSecond(GatewayProcess node) {
      return new Running(owner, mail, first, node);
    }

    /**
     * In the reverse order of starting (a node may still be talking to the mail server as it drains), each part
     * even when closing the one before it failed.
     */
    @Override
    public void close() {
      IllegalStateException failure = null;
      for (AutoCloseable part : Stream.of(second, first, mail).filter(Objects::nonNull).toList()) {
        try {
          part.close();
        } catch (Exception e) {
          if (failure == null) {
            failure = new IllegalStateException("closing the test class's gateway failed", e);
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private GatewayExtension(Setup setup) {
    this.setup = setup;
  }

  /** One gateway with the test environment of {@link TestGateway#environment}. */
  public static GatewayExtension create() {
    return new GatewayExtension(new Setup(Map.of(), false, false));
  }

  /** Adds environment variables (see ConfigLoader) to every node; they win over the mail server's. */
  public GatewayExtension withEnv(Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(setup.env());
    env.putAll(extraEnv);
    return new GatewayExtension(new Setup(Map.copyOf(env), setup.mailServer(), setup.secondNode()));
  }

  /**
   * Starts a {@link MailServer} before the nodes and gives them its environment
   * ({@link MailServer#gatewayEnvironment}); it is closed after them.
   */
  public GatewayExtension withMailServer() {
    return new GatewayExtension(new Setup(setup.env(), true, setup.secondNode()));
  }

  /** Also starts a second node in its own JVM, on the first node's database and with the same environment. */
  public GatewayExtension withSecondNode() {
    return new GatewayExtension(new Setup(setup.env(), setup.mailServer(), true));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (running != null) {
      // a static field inherited by several classes (EntraQuirks) serves them one after the other; run in
      // parallel they would share one gateway and the first to finish would close it under the other
      throw new IllegalStateException("the GatewayExtension of " + context.getDisplayName()
          + " is still serving another test class");
    }
    running = new Running(context.getUniqueId(), setup.mailServer() ? MailServer.start() : null, null, null);
    Map<String, String> env = new HashMap<>(running.mail() == null ? Map.of() : running.mail().gatewayEnvironment());
    env.putAll(setup.env());
    running = running.withFirst(TestGateway.start(env));
    if (setup.secondNode()) {
      running = running.withSecond(GatewayProcess.start(running.first().databaseUrl(), env));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (running == null || !running.owner().equals(context.getUniqueId())) {
      return; // nothing started for this class (its start failed, or another class holds the extension)
    }
    Running stopping = running;
    running = null;
    stopping.close();
  }

  /** The running first node, for helpers that take a {@link TestGateway}. */
  public TestGateway node() {
    if (running == null || running.first() == null) {
      throw new IllegalStateException("no gateway running: register GatewayExtension on a static field with"
          + " @RegisterExtension and use it from @BeforeAll methods or tests");
    }
    return running.first();
  }

  /** The running mail server; only with {@link #withMailServer()}. */
  public MailServer mail() {
    if (running == null || running.mail() == null) {
      throw new IllegalStateException("no mail server running: create the extension with withMailServer()");
    }
    return running.mail();
  }

  /** The running second node; only with {@link #withSecondNode()}. */
  public GatewayProcess secondNode() {
    if (running == null || running.second() == null) {
      throw new IllegalStateException("no second node running: create the extension with withSecondNode()");
    }
    return running.second();
  }

  public String url() {
    return node().url();
  }

  public GatewayConfig config() {
    return node().config();
  }

  public String metricsUrl() {
    return node().metricsUrl();
  }

  public String databaseUrl() {
    return node().databaseUrl();
  }

  public Http admin() {
    return node().admin();
  }

  public Http anonymous() {
    return node().anonymous();
  }

  public ScimClient newConnection(String vendor) {
    return node().newConnection(vendor);
  }

  public String sql(String query, Object... params) throws Exception {
    return node().sql(query, params);
  }

  public Vertx vertx() {
    return node().vertx();
  }
}
