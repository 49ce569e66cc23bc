package io.scimgate.persistence.resource;

import io.scimgate.connectors.api.ScimException;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Resource versions as preconditions (RFC 7644 §3.14: {@code If-Match} with a stale version is a 412). */
final class Versions {
  private Versions() {}

  /** The stored resource, when {@code expected} is {@code null} or its version. */
  static StoredResource check(StoredResource stored, Long expected) {
    if (expected != null && expected != stored.version()) {
      throw stale(stored.version());
    }
    return stored;
  }

  /**
   * After a conditional write changed nothing: {@code null} when the resource does not exist, a failed 412 when
   * it exists in another version. {@code table} is a constant of the caller.
   */
  static <T> Future<T> missingOrStale(SqlClient on, String table, UUID connectionId, UUID id, Long expected) {
    if (expected == null) {
      return Future.succeededFuture(null);
    }
    return on.preparedQuery("SELECT version FROM " + table + " WHERE id = $1 AND connection_id = $2")
        .execute(Tuple.of(id, connectionId))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(null)
            : Future.failedFuture(stale(rows.iterator().next().getLong(0))));
  }

  private static ScimException stale(long current) {
    return ScimException.of(412, null, "If-Match does not match the current version W/\"" + current + "\"; "
        + "read the resource again and retry");
  }
}
