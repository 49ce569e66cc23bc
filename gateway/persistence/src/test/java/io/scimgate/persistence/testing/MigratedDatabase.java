package io.scimgate.persistence.testing;

import io.scimgate.persistence.Database;
import io.scimgate.persistence.migration.Migrations;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own database, migrated, with a Vert.x and a pool on it: created before the class (before its
 * {@code @BeforeAll} methods) and closed after it (after its {@code @AfterAll} methods), pool first, then Vert.x,
 * then the database, each even when the one before failed to close. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MigratedDatabase db = MigratedDatabase.withPool(2);
 * }</pre>
 *
 * The module-local tests had each repeated these lines and their closing order; this is the persistence
 * counterpart of the app tests' gateway extension.
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {
  private final int poolSize;
  private TestDatabase database;
  private Vertx vertx;
  private Pool pool;

  private MigratedDatabase(int poolSize) {
    this.poolSize = poolSize;
  }

  /** A database whose pool has {@code poolSize} connections. */
  public static MigratedDatabase withPool(int poolSize) {
    return new MigratedDatabase(poolSize);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    database = TestDatabase.create();
    vertx = Vertx.vertx();
    pool = Database.pool(vertx, database.url(), poolSize);
    Migrations.fromClasspath().apply(pool).await(60, TimeUnit.SECONDS);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (pool != null) {
        pool.close().await(30, TimeUnit.SECONDS);
      }
    } finally {
      try {
        if (vertx != null) {
          vertx.close().await(30, TimeUnit.SECONDS);
        }
      } finally {
        if (database != null) {
          database.close();
        }
      }
    }
  }

  public Pool pool() {
    return pool;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Runs one statement with bind parameters (a test's seeding or checking), waiting at most 10 s. */
  public RowSet<Row> sql(String statement, Object... params) throws Exception {
    return pool.preparedQuery(statement).execute(Tuple.wrap(params)).await(10, TimeUnit.SECONDS);
  }

  /** The first column of the first row, as text ({@code "null"} for SQL null). */
  public String value(String query, Object... params) throws Exception {
    return String.valueOf(sql(query, params).iterator().next().getValue(0));
  }

  /** The database's JDBC-free URL ({@code postgresql://...}), for a second pool or a LISTEN connection. */
  public String url() {
    return database.url();
  }
}
