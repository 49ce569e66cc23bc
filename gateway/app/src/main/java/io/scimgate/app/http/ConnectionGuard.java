package io.scimgate.app.http;

import io.scimgate.app.config.HttpLimits;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps idle and slow clients from holding connections: the node-wide cap, a deadline for each request head
 * (from the connection's opening, or from its previous answer), and a deadline for each request body. The idle
 * timeout itself is the HTTP server's. One guard per server instance: its handlers all run on that instance's
 * event loop, so its map needs no locking.
 */
public final class ConnectionGuard {
  private final Vertx vertx;
  private final OpenConnections open;
  private final HttpLimits limits;
  private final Map<HttpConnection, Long> headDeadlines = new HashMap<>();

  public ConnectionGuard(Vertx vertx, OpenConnections open, HttpLimits limits) {
    this.vertx = vertx;
    this.open = open;
    this.limits = limits;
  }

  /** For {@code HttpServer.connectionHandler}: over the cap, closed at once; else it must send a head in time. */
  public Handler<HttpConnection> connections() {
    return connection -> {
      if (!open.tryOpen()) {
        connection.close();
        return;
      }
      connection.closeHandler(closed -> {
        open.closed();
        cancelHeadDeadline(connection);
      });
      awaitHead(connection);
    };
  }

  /** The first route: the head has come; the body must follow in time, the next head after this answer. */
  public Handler<RoutingContext> requests() {
    return ctx -> {
      HttpServerRequest request = ctx.request();
      HttpConnection connection = request.connection();
      cancelHeadDeadline(connection);
      long bodyDeadline = request.isEnded() ? -1 : vertx.setTimer(limits.bodyTimeout().toMillis(), timer -> {
        if (!request.isEnded()) {
          connection.close();
        }
      });
      ctx.addEndHandler(answered -> {
        vertx.cancelTimer(bodyDeadline);
        awaitHead(connection);
      });
      ctx.next();
    };
  }

  private void awaitHead(HttpConnection connection) {
    long timer = vertx.setTimer(limits.headerTimeout().toMillis(), fired -> {
      headDeadlines.remove(connection);
      connection.close();
    });
    Long previous = headDeadlines.put(connection, timer);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
  }

  private void cancelHeadDeadline(HttpConnection connection) {
    Long timer = headDeadlines.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
