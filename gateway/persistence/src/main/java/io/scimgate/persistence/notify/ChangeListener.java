package io.scimgate.persistence.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a NOTIFY channel ({@link ChangeNotices#CHANNEL} by default) over a dedicated connection (a pooled one would be handed back and
 * lose the LISTEN). When that connection drops, it reconnects with a short back-off and calls
 * {@code onResync}, because notices sent while it was away are lost.
 */
public final class ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  private static final long RECONNECT_DELAY_MS = 500;

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final String channel;
  private final Consumer<String> onNotice;
  private final Runnable onResync;
  private volatile PgConnection connection;
  private volatile boolean closed;

  public ChangeListener(Vertx vertx, PgConnectOptions options, Consumer<String> onNotice, Runnable onResync) {
    this(vertx, options, ChangeNotices.CHANNEL, onNotice, onResync);
  }

  /** Listens on {@code channel}, a constant identifier (LISTEN takes no bind parameter). */
  public ChangeListener(Vertx vertx, PgConnectOptions options, String channel, Consumer<String> onNotice,
      Runnable onResync) {
    if (!channel.matches("[a-z_]+")) {
      throw new IllegalArgumentException("Not a channel name: " + channel);
    }
    this.vertx = vertx;
    this.options = options;
    this.channel = channel;
    this.onNotice = onNotice;
    this.onResync = onResync;
  }

  /** Completes once LISTEN is in effect. */
  public Future<Void> start() {
    return PgConnection.connect(vertx, options).compose(conn -> {
      connection = conn;
      conn.notificationHandler(notification -> onNotice.accept(notification.getPayload()));
      conn.closeHandler(closedConn -> reconnectLater());
      return conn.query("LISTEN " + channel).execute().mapEmpty();
    });
  }

  private void reconnectLater() {
    if (closed) {
      return;
    }
    LOG.warn("Lost the PostgreSQL LISTEN connection; reconnecting");
    vertx.setTimer(RECONNECT_DELAY_MS, id -> start()
        .onSuccess(done -> onResync.run())
        .onFailure(failure -> {
          LOG.warn("Reconnecting the LISTEN connection failed: {}", failure.getMessage());
          reconnectLater();
        }));
  }

  public Future<Void> close() {
    closed = true;
    PgConnection conn = connection;
    return conn == null ? Future.succeededFuture() : conn.close();
  }
}
