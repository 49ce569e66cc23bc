package io.scimgate.persistence.cancel;

import io.vertx.core.Future;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A pool query run on a connection of its own within the request's {@link StatementScope}, so that it can be
 * cancelled. It is described by how to build the query on a connection, which keeps {@code mapping} and
 * {@code collecting} as composable as on the pool's own queries.
 */
final class ScopedQuery<T> implements PreparedQuery<T> {
  private final CancellablePool pool;
  private final Function<SqlConnection, PreparedQuery<T>> onConnection;

  ScopedQuery(CancellablePool pool, Function<SqlConnection, PreparedQuery<T>> onConnection) {
    this.pool = pool;
    this.onConnection = onConnection;
  }

  @Override
  public Future<T> execute() {
    return pool.withConnection(connection -> onConnection.apply(connection).execute());
  }

  @Override
  public Future<T> execute(Tuple tuple) {
    return pool.withConnection(connection -> onConnection.apply(connection).execute(tuple));
  }

  @Override
  public Future<T> executeBatch(List<Tuple> batch) {
    return pool.withConnection(connection -> onConnection.apply(connection).executeBatch(batch));
  }

  @Override
  public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
    return new ScopedQuery<>(pool, connection -> onConnection.apply(connection).collecting(collector));
  }

  @Override
  public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
    return new ScopedQuery<>(pool, connection -> onConnection.apply(connection).mapping(mapper));
  }

  static ScopedQuery<RowSet<Row>> of(CancellablePool pool, Function<SqlConnection, PreparedQuery<RowSet<Row>>> query) {
    return new ScopedQuery<>(pool, query);
  }
}
