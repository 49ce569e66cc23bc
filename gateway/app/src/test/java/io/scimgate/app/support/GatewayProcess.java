package io.scimgate.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A second gateway node in its own JVM (same classpath), for multi-node tests. */
public final class GatewayProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final String url;

  private GatewayProcess(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  public static GatewayProcess start(String databaseUrl) throws Exception {
    return start(databaseUrl, Map.of());
  }

  /** A node with extra environment variables (see ConfigLoader). */
  public static GatewayProcess start(String databaseUrl, Map<String, String> extraEnv) throws Exception {
    return start(databaseUrl, extraEnv, List.of());
  }

  /**
   * A node that logs as a production node does: with the gateway's logback.xml rather than the tests'
   * logback-test.xml (which the test classpath would otherwise pick).
   */
  public static GatewayProcess startWithProductionLogging(String databaseUrl, Map<String, String> extraEnv)
      throws Exception {
    Path config = Path.of(GatewayProcess.class.getResource("/logback.xml").toURI());
    return start(databaseUrl, extraEnv, List.of("-Dlogback.configurationFile=" + config));
  }

  private static GatewayProcess start(String databaseUrl, Map<String, String> extraEnv, List<String> jvmArgs)
      throws Exception {
    int port = TestGateway.freePort();
    Path log = Files.createTempFile("scimgate-node-", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.scimgate.app.Main", "start"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.putAll(TestGateway.environment(databaseUrl, port, extraEnv));
    GatewayProcess node = new GatewayProcess(builder.start(), log, "http://127.0.0.1:" + port);
    node.awaitReady();
    return node;
  }

  public String url() {
    return url;
  }

  /** What the node has written to stdout and stderr so far. */
  public String output() throws IOException {
    return Files.readString(log);
  }

  private void awaitReady() throws Exception {
    Http http = new Http(url, null);
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Second node exited: " + Files.readString(log));
      }
      try {
        if (http.get("/health/ready").status() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Second node not ready in 60 s: " + Files.readString(log));
  }

  /** SIGKILL: no shutdown hook, no draining; what was in flight is cut off. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: the node drains through its shutdown hook
    try {
      process.waitFor();
      // keep the log when something went wrong on that node
      if (!Files.readString(log).contains(" ERROR ")) {
        Files.deleteIfExists(log);
      } else {
        System.out.println("second node log kept: " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
