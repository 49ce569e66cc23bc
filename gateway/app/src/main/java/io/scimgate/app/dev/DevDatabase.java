package io.scimgate.app.dev;

import io.scimgate.persistence.DatabaseCreation;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Finds a database for {@code start-dev}, in this order: the configured URL; a PostgreSQL answering on
 * 127.0.0.1:5432 (database {@code scimgate_dev}, created if missing); an embedded PostgreSQL whose data lives in
 * {@code .scimgate-dev/postgres}. Runs on the main thread, before any event loop serves requests.
 */
public final class DevDatabase implements AutoCloseable {
  public static final String LOCAL_DB = "scimgate_dev";
  private static final int EMBEDDED_PORT = 54329;

  private final String url;
  private final EmbeddedPostgres embedded;

  private DevDatabase(String url, EmbeddedPostgres embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  public static DevDatabase resolve(Vertx vertx, String configuredUrl, Path devDir) {
    if (configuredUrl != null) {
      return new DevDatabase(configuredUrl, null);
    }
    if (answers("127.0.0.1", 5432)) {
      String server = "postgresql://" + System.getenv().getOrDefault("PGUSER", "postgres") + "@127.0.0.1:5432/";
      DatabaseCreation.createIfMissing(vertx, server + "postgres", LOCAL_DB);
      return new DevDatabase(server + LOCAL_DB, null);
    }
    if (RootCheck.isRoot()) {
      throw new IllegalStateException("""
          No database: SCIMGATE_DATABASE_URL is not set, nothing answers on 127.0.0.1:5432, and the embedded
          PostgreSQL cannot run as root (PostgreSQL refuses to). Do one of these, then run start-dev again:
            - start the local PostgreSQL, e.g.: pg_ctlcluster --skip-systemctl-redirect 15 main start
            - point the gateway at a database: export SCIMGATE_DATABASE_URL=postgresql://user:password@host:5432/db
            - run ./scimgate start-dev as a non-root user (the embedded PostgreSQL then starts by itself)""");
    }
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(devDir.resolve("postgres"))
          .setCleanDataDirectory(false)
          .setPort(EMBEDDED_PORT)
          .start();
      return new DevDatabase("postgresql://postgres@127.0.0.1:" + EMBEDDED_PORT + "/postgres", postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
    }
  }

  public String url() {
    return url;
  }

  public String describe() {
    return embedded != null ? "embedded PostgreSQL (data in .scimgate-dev/postgres)" : url;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
