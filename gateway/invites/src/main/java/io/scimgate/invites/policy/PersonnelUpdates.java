package io.scimgate.invites.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.invites.relay.OutboxEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Keeps {@code personnel} in step with SCIM users, one statement per event, recording every status change in
 * {@code personnel_history}. Statuses: {@code imported} (known, not invited), {@code invited}, {@code active}
 * (accepted), {@code deprovisioned} (the IdP set {@code active=false} or deleted the user).
 */
final class PersonnelUpdates {
  /**
   * Upsert from a user event ({@code created_at}: when the SCIM write happened). {@code active=false}
   * deprovisions; {@code active=true} after that brings the
   * person back: {@code active} again if they had accepted, else {@code imported} with a new invitation round,
   * so that the policy may invite them again. Returns the status before and after.
   */
  private static final String UPSERT = "WITH before AS (SELECT status FROM personnel WHERE user_id = $1 FOR UPDATE),"
      + " up AS (INSERT INTO personnel AS p (user_id, tenant_id, connection_id, user_name, display_name, email,"
      + " status, scim_active, deprovisioned_at, created_at)"
      + " VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN 'imported' ELSE 'deprovisioned' END, $7,"
      + " CASE WHEN $7 THEN NULL ELSE now() END, $9)"
      + " ON CONFLICT (user_id) DO UPDATE SET user_name = $4, display_name = $5, email = $6, scim_active = $7,"
      + " updated_at = now(),"
      + " status = CASE WHEN NOT $7 THEN 'deprovisioned' WHEN p.status <> 'deprovisioned' THEN p.status"
      + " WHEN p.accepted_at IS NOT NULL THEN 'active' ELSE 'imported' END,"
      + " invite_round = CASE WHEN $7 AND p.status = 'deprovisioned' AND p.accepted_at IS NULL"
      + " THEN p.invite_round + 1 ELSE p.invite_round END,"
      + " deprovisioned_at = CASE WHEN NOT $7 AND p.status <> 'deprovisioned' THEN now() ELSE p.deprovisioned_at END"
      + " RETURNING p.user_id, p.status),"
      + " hist AS (INSERT INTO personnel_history (user_id, tenant_id, status, reason)"
      + " SELECT up.user_id, $2, up.status, $8 FROM up"
      + " WHERE up.status IS DISTINCT FROM (SELECT status FROM before))"
      + " SELECT (SELECT status FROM before) AS before, up.status AS after FROM up";

  private static final String DEPROVISION = "WITH up AS (UPDATE personnel SET status = 'deprovisioned',"
      + " scim_active = false, deprovisioned_at = now(), updated_at = now()"
      + " WHERE user_id = $1 AND tenant_id = $2 AND status <> 'deprovisioned' RETURNING user_id),"
      + " hist AS (INSERT INTO personnel_history (user_id, tenant_id, status, reason)"
      + " SELECT user_id, $2, 'deprovisioned', $3 FROM up)"
      + " SELECT 'changed' AS before, 'deprovisioned' AS after FROM up";

  private PersonnelUpdates() {}

  static Future<StatusChange> upsert(SqlConnection conn, OutboxEvent event) {
    JsonNode data = event.data();
    boolean active = data.path("active").asBoolean(true);
    Tuple params = Tuple.of(event.resourceId(), event.tenantId(), event.connectionId(), data.path("userName").asText(),
            text(data, "displayName"), text(data, "email"), active)
        .addValue(reason(event.type()))
        // the change's own time (the outbox row's clock time), not the relay batch's: people list in the order the
        // IdP created them, where one batch's now() would tie them all
        .addValue(event.createdAt().atOffset(java.time.ZoneOffset.UTC));
    return conn.preparedQuery(UPSERT).execute(params).map(rows -> {
      var row = rows.iterator().next();
      return new StatusChange(row.getString("before"), row.getString("after"));
    });
  }

  /** A deleted user: the person is kept, deprovisioned. */
  static Future<StatusChange> deprovision(SqlConnection conn, OutboxEvent event) {
    return conn.preparedQuery(DEPROVISION).execute(Tuple.of(event.resourceId(), event.tenantId(),
            "deleted by the IdP"))
        .map(rows -> rows.size() == 0 ? StatusChange.NONE : new StatusChange("changed", "deprovisioned"));
  }

  private static String reason(String eventType) {
    return switch (eventType) {
      case "user.created" -> "provisioned by the IdP";
      case "user.deactivated" -> "deactivated by the IdP (active=false)";
      case "user.reactivated" -> "re-activated by the IdP (active=true)";
      default -> "updated by the IdP";
    };
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A person's status before and after an event ({@code before} is null for a new person). */
  record StatusChange(String before, String after) {
    static final StatusChange NONE = new StatusChange(null, null);

    boolean becameDeprovisioned() {
      return "deprovisioned".equals(after) && !"deprovisioned".equals(before);
    }
  }
}
