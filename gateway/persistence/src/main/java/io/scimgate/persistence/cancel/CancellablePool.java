package io.scimgate.persistence.cancel;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.TransactionPropagation;
import java.util.function.Function;

/**
 * The request pool, with every statement a request issues through it registered in that request's
 * {@link StatementScope}, so that it can be cancelled when the client goes away. Outside a request (no scope:
 * background jobs, start-up) it is the plain pool.
 *
 * <p>Covered: {@code preparedQuery}, {@code withConnection} and {@code withTransaction}, the ways repositories
 * talk to the database. Not covered: {@code query} (simple-protocol statements, used only for short fixed
 * statements such as the health check) and connections taken with {@code getConnection} and managed by hand.
 */
public final class CancellablePool implements Pool {
  private final Pool pool;

  public CancellablePool(Pool pool) {
    this.pool = pool;
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    return StatementScope.current() == null ? pool.preparedQuery(sql)
        : ScopedQuery.of(this, connection -> connection.preparedQuery(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    return StatementScope.current() == null ? pool.preparedQuery(sql, options)
        : ScopedQuery.of(this, connection -> connection.preparedQuery(sql, options));
  }

  @Override
  public <T> Future<T> withConnection(Function<SqlConnection, Future<T>> work) {
    StatementScope scope = StatementScope.current();
    return scope == null ? pool.withConnection(work) : pool.withConnection(conn -> scope.run(conn, work));
  }

  @Override
  public <T> Future<T> withTransaction(Function<SqlConnection, Future<T>> work) {
    StatementScope scope = StatementScope.current();
    return scope == null ? pool.withTransaction(work) : pool.withTransaction(conn -> scope.run(conn, work));
  }

  @Override
  public <T> Future<T> withTransaction(TransactionPropagation propagation, Function<SqlConnection, Future<T>> work) {
    StatementScope scope = StatementScope.current();
    return scope == null ? pool.withTransaction(propagation, work)
        : pool.withTransaction(propagation, conn -> scope.run(conn, work));
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    return pool.query(sql);
  }

  @Override
  public Future<SqlConnection> getConnection() {
    return pool.getConnection();
  }

  @Override
  public int size() {
    return pool.size();
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }
}
