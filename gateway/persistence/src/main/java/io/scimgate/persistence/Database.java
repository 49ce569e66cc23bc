package io.scimgate.persistence;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the shared PostgreSQL pool every repository uses. */
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

  /** A pool of {@code size} connections; commands are issued from the caller's event loop. */
  public static Pool pool(Vertx vertx, String url, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName("scimgate").setShared(false))
        .connectingTo(connectOptions(url))
        .using(vertx)
        .build();
  }
}
