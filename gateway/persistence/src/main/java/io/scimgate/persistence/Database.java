package io.scimgate.persistence;

import io.scimgate.persistence.cancel.CancellablePool;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the shared PostgreSQL pool every repository uses, and asks whether the database answers. */
public final class Database {
  private Database() {}

  /**
   * Connect options from a {@code postgresql://user:password@host:port/db} URL, with prepared statements
   * cached per connection (without it pg-client neither pipelines nor skips the parse step).
   */
  public static PgConnectOptions connectOptions(String url) {
    return PgConnectOptions.fromUri(url)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512)
        .setPipeliningLimit(256);
  }

  /**
   * A pool of {@code size} connections without time bounds (migrations, tools); commands are issued from the
   * caller's event loop.
   */
  public static Pool pool(Vertx vertx, String url, int size) {
    return build(vertx, connectOptions(url), new PoolOptions().setMaxSize(size).setName("scimgate"));
  }

  /**
   * A pool for request work: PostgreSQL cancels any statement that runs longer than {@code statementTimeout}
   * (a lock wait included: set per connection at start-up, so no extra round trip), and a caller waits at most
   * {@code poolWait} for a free connection before its query fails. A request's statements are cancelled when
   * its client goes away ({@link CancellablePool}).
   */
  public static Pool boundedPool(Vertx vertx, String url, int size, Duration statementTimeout, Duration poolWait) {
    return boundedPool(vertx, url, size, statementTimeout, poolWait, "scimgate");
  }

  /**
   * The same, named: the name is the {@code pool_name} of the pool's metrics (its use and its waits), so that
   * the request pool and the invite pipeline's pool are told apart.
   */
  public static Pool boundedPool(Vertx vertx, String url, int size, Duration statementTimeout, Duration poolWait,
      String name) {
    PgConnectOptions options = connectOptions(url);
    options.addProperty("statement_timeout", Long.toString(statementTimeout.toMillis()));
    return new CancellablePool(build(vertx, options, new PoolOptions().setMaxSize(size).setName(name)
        .setConnectionTimeout((int) poolWait.toMillis()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)));
  }

  /** Whether the database answers: one trivial statement (the readiness probe bounds how long it may take). */
  public static Future<Void> ping(Pool pool) {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  private static Pool build(Vertx vertx, PgConnectOptions options, PoolOptions poolOptions) {
    return PgBuilder.pool()
        .with(poolOptions.setShared(false))
        .connectingTo(options)
        .using(vertx)
        .build();
  }
}
