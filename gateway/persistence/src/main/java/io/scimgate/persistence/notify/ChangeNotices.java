package io.scimgate.persistence.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * The NOTIFY side of the connection view that every node keeps in memory. Sent inside the transaction of the
 * change, PostgreSQL delivers it to all listeners only when that transaction commits.
 *
 * <p>Payloads: {@code c:<connectionId>} (one connection changed) and {@code t:<tenantId>} (a tenant's SCIM
 * flag changed, which affects all its connections).
 */
public final class ChangeNotices {
  public static final String CHANNEL = "scimgate_connections";

  private ChangeNotices() {}

  public static Future<Void> connectionChanged(SqlClient on, UUID connectionId) {
    return notify(on, "c:" + connectionId);
  }

  public static Future<Void> tenantChanged(SqlClient on, UUID tenantId) {
    return notify(on, "t:" + tenantId);
  }

  private static Future<Void> notify(SqlClient on, String payload) {
    return on.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, payload)).mapEmpty();
  }
}
