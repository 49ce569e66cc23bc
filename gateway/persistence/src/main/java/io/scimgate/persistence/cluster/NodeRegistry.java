package io.scimgate.persistence.cluster;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;

/**
 * The gateway nodes running against this database, each seen within a recent window: how many share the traffic
 * (a node sizes its share of a request budget by it). A node that dies stops being counted once its last
 * heartbeat is older than the window.
 */
public final class NodeRegistry {
  private final Pool pool;
  private final UUID nodeId;

  public NodeRegistry(Pool pool, UUID nodeId) {
    this.pool = pool;
    this.nodeId = nodeId;
  }

  /** Records that this node is alive now; the number of nodes seen within {@code window} (this one included). */
  public Future<Integer> heartbeat(Duration window) {
    return pool.preparedQuery("WITH me AS (INSERT INTO gateway_nodes (id) VALUES ($1)"
            + " ON CONFLICT (id) DO UPDATE SET seen_at = now() RETURNING id)"
            + " SELECT 1 + count(*) FROM gateway_nodes WHERE id <> $1 AND seen_at > now() - make_interval(secs => $2)")
        .execute(Tuple.of(nodeId, (double) window.toSeconds()))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  /** Leaves (a clean stop), and forgets nodes that have been gone for a day. */
  public Future<Void> leave() {
    return pool.preparedQuery("DELETE FROM gateway_nodes WHERE id = $1 OR seen_at < now() - interval '1 day'")
        .execute(Tuple.of(nodeId)).mapEmpty();
  }
}
