package io.scimgate.app.http;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Failures that say "the database is unavailable or busy right now", not "this request or the code is wrong":
 * a client retrying shortly is likely to succeed, so they answer 503 with {@code Retry-After} (IdPs retry that)
 * where a real bug stays 500.
 */
public final class TransientFailures {
  /** Seconds a client is asked to wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /**
   * SQLSTATEs: the connection was terminated or the server is shutting down or starting (57P01-57P03), too many
   * connections (53300), a statement or lock timeout (57014, 55P03), a serialization failure or deadlock (40001,
   * 40P01). Class 08 (connection exceptions) is matched as a class.
   */
  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014", "55P03", "40001",
      "40P01");

  private static final String POOL_WAIT_TIMEOUT = "Timeout waiting for connection";
  /** What the pool's getConnection (withConnection, withTransaction) fails with when its wait runs out. */
  private static final String CONNECTION_WAIT_TIMEOUT = "Timeout";

  private TransientFailures() {}

  public static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (isTransientItself(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransientItself(Throwable failure) {
    if (failure instanceof PgException pg) {
      String state = pg.getSqlState();
      return state != null && (STATES.contains(state) || state.startsWith("08"));
    }
    // a killed, reset or refused database connection (requests open no other sockets), a pool whose wait timed
    // out (pg-client reports it with a bare VertxException on a pool query, and a "Timeout" NoStackTraceThrowable
    // on a connection taken from it) or whose queue is full
    return failure instanceof ClosedConnectionException || failure instanceof SocketException
        || failure instanceof TimeoutException || failure instanceof ConnectionPoolTooBusyException
        || failure instanceof VertxException && String.valueOf(failure.getMessage()).startsWith(POOL_WAIT_TIMEOUT)
        || failure instanceof NoStackTraceThrowable && CONNECTION_WAIT_TIMEOUT.equals(failure.getMessage());
  }
}
