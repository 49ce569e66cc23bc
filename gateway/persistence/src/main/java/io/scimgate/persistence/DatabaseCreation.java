package io.scimgate.persistence;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.regex.Pattern;

/** Creates a database on a server, for {@code start-dev}'s local PostgreSQL. */
public final class DatabaseCreation {
  /** CREATE DATABASE takes no bind parameters: the name goes into the text, so only a plain identifier does. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private DatabaseCreation() {}

  /**
   * Creates database {@code name} unless it exists, on the server that {@code maintenanceUrl} reaches (through
   * a database that is there, such as {@code postgres}). Blocks the calling thread: for the main thread, before
   * any event loop serves requests.
   */
  public static void createIfMissing(Vertx vertx, String maintenanceUrl, String name) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a plain database name: " + name);
    }
    Pool admin = Database.pool(vertx, maintenanceUrl, 1);
    try {
      boolean exists = admin.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1")
          .execute(Tuple.of(name)).await().size() > 0;
      if (!exists) {
        admin.query("CREATE DATABASE " + name).execute().await();
      }
    } finally {
      admin.close().await();
    }
  }
}
