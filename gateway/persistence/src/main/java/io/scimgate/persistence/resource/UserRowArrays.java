package io.scimgate.persistence.resource;

import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.scim.json.ScimJson;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.UUID;

/**
 * The column arrays of a group-committed statement that writes whole users ({@link UserInserts},
 * {@link UserUpdates}): one element per request, unnested by the statement as {@code $1..$11} in the order of
 * {@link #tuple}: id, tenant, connection, userName, externalId, displayName, active, e-mails (a JSON array's
 * text: PostgreSQL arrays cannot hold arrays of different lengths), document, actor, request id.
 */
final class UserRowArrays {
  private final UUID[] ids;
  private final UUID[] tenants;
  private final UUID[] connections;
  private final String[] userNames;
  private final String[] externalIds;
  private final String[] displayNames;
  private final Boolean[] active;
  private final String[] emails;
  private final String[] docs;
  private final String[] actors;
  private final String[] requestIds;

  UserRowArrays(int size) {
    ids = new UUID[size];
    tenants = new UUID[size];
    connections = new UUID[size];
    userNames = new String[size];
    externalIds = new String[size];
    displayNames = new String[size];
    active = new Boolean[size];
    emails = new String[size];
    docs = new String[size];
    actors = new String[size];
    requestIds = new String[size];
  }

  /** Row {@code i}; {@code activeValue} null keeps the stored value (an update without {@code active}). */
  void set(int i, UUID id, AuditContext audit, UserColumns columns, Boolean activeValue, String doc) {
    ids[i] = id;
    tenants[i] = audit.tenantId();
    connections[i] = audit.connectionId();
    userNames[i] = columns.userName();
    externalIds[i] = columns.externalId();
    displayNames[i] = columns.displayName();
    active[i] = activeValue;
    emails[i] = ScimJson.write(ScimJson.MAPPER.valueToTree(Arrays.asList(columns.emails())));
    docs[i] = doc;
    actors[i] = audit.actor();
    requestIds[i] = audit.requestId();
  }

  /** {@code $1..$11}; a statement with more per-row values adds them after. */
  Tuple tuple() {
    return Tuple.of(ids, tenants, connections, userNames, externalIds, displayNames, active, emails, docs, actors,
        requestIds);
  }
}
