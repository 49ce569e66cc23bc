package io.scimgate.app.support;

import io.scimgate.persistence.Database;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import java.util.concurrent.TimeUnit;

/** An open transaction holding an exclusive lock on a table, so that the gateway's statements on it wait. */
public final class TableLock implements AutoCloseable {
  private final PgConnection connection;

  private TableLock(PgConnection connection) {
    this.connection = connection;
  }

  public static TableLock exclusive(Vertx vertx, String databaseUrl, String table) throws Exception {
    PgConnection connection = PgConnection.connect(vertx, Database.connectOptions(databaseUrl)).await(10, TimeUnit.SECONDS);
    connection.query("BEGIN").execute().await(10, TimeUnit.SECONDS);
    connection.query("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE").execute().await(10, TimeUnit.SECONDS);
    return new TableLock(connection);
  }

  @Override
  public void close() throws Exception {
    try {
      connection.query("ROLLBACK").execute().await(10, TimeUnit.SECONDS);
    } finally {
      connection.close().await(10, TimeUnit.SECONDS);
    }
  }
}
