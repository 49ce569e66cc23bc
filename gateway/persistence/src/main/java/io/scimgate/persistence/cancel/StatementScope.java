package io.scimgate.persistence.cancel;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.SqlConnection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The database connections one request is using right now, so that its statements can be cancelled when its client
 * goes away: without it a search whose client gave up runs on (up to the statement timeout), holding a connection
 * and its tenant's slot for nobody.
 *
 * <p>A scope lives in the request's own Vert.x context (each HTTP request runs on a duplicated context, and the
 * SQL client completes its futures on the caller's context), so repositories need no extra parameter:
 * {@link CancellablePool} finds the scope of the request that issues a statement. All methods run on that
 * context's event loop; the synchronization only guards against a caller that hops threads.
 */
public final class StatementScope {
  // ContextLocal keys must be registered before the first Vertx instance exists, which a library cannot promise;
  // the duplicated context's local map is the same storage without that constraint
  private static final Object KEY = StatementScope.class;

  private final Map<SqlConnection, Future<Void>> inUse = new IdentityHashMap<>();
  private boolean cancelled;

  /** Opens a scope for the request running on {@code context} (a duplicated, per-request context). */
  public static StatementScope open(Context context) {
    StatementScope scope = new StatementScope();
    ((ContextInternal) context).localContextData().put(KEY, scope);
    return scope;
  }

  /** The scope of the request running on the current context, or null outside a request. */
  static StatementScope current() {
    Context context = Vertx.currentContext();
    return context == null ? null : (StatementScope) ((ContextInternal) context).localContextData().get(KEY);
  }

  /**
   * Starts work that serves more than the request it happens to run in (a shared cache reload other requests wait
   * for) outside that request's scope, so that one client hanging up cannot cancel it for the others. Statements
   * the work issues as it starts are detached; a chain must detach each later step itself.
   */
  public static <T> Future<T> detached(Supplier<Future<T>> work) {
    Context context = Vertx.currentContext();
    Object scope = context == null ? null : ((ContextInternal) context).localContextData().remove(KEY);
    try {
      return work.get();
    } finally {
      if (scope != null) {
        ((ContextInternal) context).localContextData().put(KEY, scope);
      }
    }
  }

  /**
   * Cancels every statement the request has running (PostgreSQL's cancel request, on a separate connection) and
   * refuses the ones it would start next. Idempotent.
   */
  public synchronized void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    inUse.replaceAll((connection, none) -> PgConnection.cast(connection).cancelRequest()
        .otherwise((Void) null));
  }

  public synchronized boolean cancelled() {
    return cancelled;
  }

  /**
   * Runs {@code work} on {@code connection} as part of this request. The connection goes back to the pool only
   * after a cancel request sent for it has been delivered: PostgreSQL ignores a cancel that reaches an idle
   * connection, but one that arrived after the connection had moved on would cancel another request's statement.
   */
  <T> Future<T> run(SqlConnection connection, Function<SqlConnection, Future<T>> work) {
    if (!enter(connection)) {
      return Future.failedFuture(new ClientGoneException());
    }
    return work.apply(connection).transform(done -> leave(connection).transform(left -> (Future<T>) done));
  }

  private synchronized boolean enter(SqlConnection connection) {
    if (cancelled) {
      return false;
    }
    inUse.put(connection, null);
    return true;
  }

  private synchronized Future<Void> leave(SqlConnection connection) {
    Future<Void> cancelling = inUse.remove(connection);
    return cancelling == null ? Future.succeededFuture() : cancelling;
  }
}
