package io.scimgate.app.auth;

import io.scimgate.persistence.cancel.StatementScope;
import io.scimgate.persistence.connection.ConnectionRepository;
import io.scimgate.persistence.connection.ConnectionStatus;
import io.scimgate.persistence.connection.ScimConnection;
import io.scimgate.persistence.notify.ChangeListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's in-memory view of every connection that can authenticate, so that checking a SCIM token needs
 * no database round trip.
 *
 * <p>Fresh within milliseconds on every node: each change commits with a NOTIFY (see ChangeNotices) that this
 * view LISTENs for and answers by reloading the affected rows. Reloads run one after another, so an older
 * answer never overwrites a newer one. A periodic full resync, and one after the LISTEN connection comes back,
 * cover notices that were lost.
 */
public final class ConnectionView {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionView.class);

  private final Vertx vertx;
  private final ConnectionRepository repository;
  private final ChangeListener listener;
  private final Duration resyncEvery;
  private static final long MISSING_TTL_NANOS = 5_000_000_000L;

  private final Map<UUID, ScimConnection> connections = new ConcurrentHashMap<>();
  private final Map<UUID, Long> missingUntil = new ConcurrentHashMap<>();
  private Future<Void> reloads = Future.succeededFuture();
  private long resyncTimer = -1;

  public ConnectionView(Vertx vertx, ConnectionRepository repository, PgConnectOptions listenOptions,
      Duration resyncEvery) {
    this.vertx = vertx;
    this.repository = repository;
    this.resyncEvery = resyncEvery;
    this.listener = new ChangeListener(vertx, listenOptions, this::onNotice, this::resyncAll);
  }

  /** Starts listening, then loads everything (in that order, so no change falls between the two). */
  public Future<Void> start() {
    return listener.start()
        .compose(listening -> loadAll())
        .onSuccess(loaded -> resyncTimer = vertx.setPeriodic(resyncEvery.toMillis(), id -> resyncAll()));
  }

  public Future<Void> close() {
    vertx.cancelTimer(resyncTimer);
    return listener.close();
  }

  /** The connection if it exists and is not deleted, else {@code null}. */
  /** The vendors of the connections this node knows (disabled ones too: they may be enabled at any time). */
  public Set<String> vendorsInUse() {
    Set<String> vendors = new TreeSet<>();
    connections.values().forEach(connection -> vendors.add(connection.vendor()));
    return vendors;
  }

  public ScimConnection get(UUID connectionId) {
    return connections.get(connectionId);
  }

  /**
   * The connection as the database has it now, for a valid token this view cannot vouch for yet: a connection
   * created, or a token rotated, on another node whose NOTIFY has not arrived. A connection found missing is
   * remembered for a few seconds, so that an IdP still pushing to a deleted connection costs no query per
   * request. Completes with {@code null} when the connection does not exist (or is deleted).
   */
  public Future<ScimConnection> reload(UUID connectionId) {
    Long until = missingUntil.get(connectionId);
    if (until != null && until > System.nanoTime()) {
      return Future.succeededFuture(null);
    }
    return refresh(connectionId).map(done -> {
      ScimConnection connection = connections.get(connectionId);
      if (connection == null) {
        missingUntil.put(connectionId, System.nanoTime() + MISSING_TTL_NANOS);
      }
      return connection;
    });
  }

  /** Reloads one connection now (the admin API calls it so that its own node never lags behind). */
  public Future<Void> refresh(UUID connectionId) {
    return enqueue(() -> repository.get(connectionId).map(connection -> {
      put(connectionId, connection);
      return null;
    }));
  }

  private void onNotice(String payload) {
    if (payload.startsWith("c:")) {
      refresh(UUID.fromString(payload.substring(2)));
    } else if (payload.startsWith("t:")) {
      refreshTenant(UUID.fromString(payload.substring(2)));
    } else {
      LOG.warn("Ignoring unknown change notice '{}'", payload);
    }
  }

  /** Reloads a tenant's connections now (after its SCIM flag changed through this node). */
  public Future<Void> refreshTenant(UUID tenantId) {
    return enqueue(() -> repository.listByTenant(tenantId).map(list -> {
      list.forEach(connection -> put(connection.id(), connection));
      return null;
    }));
  }

  private void resyncAll() {
    enqueue(this::loadAll);
  }

  private Future<Void> loadAll() {
    return repository.listActive().map(list -> {
      replaceAll(list);
      return null;
    });
  }

  private void replaceAll(List<ScimConnection> list) {
    Map<UUID, ScimConnection> fresh = new ConcurrentHashMap<>();
    list.forEach(connection -> fresh.put(connection.id(), connection));
    connections.keySet().retainAll(fresh.keySet());
    connections.putAll(fresh);
  }

  private void put(UUID id, ScimConnection connection) {
    if (connection == null || connection.status() == ConnectionStatus.DELETED) {
      connections.remove(id);
    } else {
      connections.put(id, connection);
      missingUntil.remove(id);
    }
  }

  /** Chains reloads so they apply in the order they were asked for; a failed one is logged, not fatal. */
  private synchronized Future<Void> enqueue(java.util.function.Supplier<Future<Void>> reload) {
    // a reload serves every request waiting for it: the one that asked for it hanging up must not cancel it
    reloads = reloads.transform(previous -> StatementScope.detached(reload)
        .onFailure(failure -> LOG.warn("Reloading connections failed: {}", failure.getMessage())));
    return reloads;
  }
}
