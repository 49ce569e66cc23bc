package io.scimgate.persistence.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Keeps {@code personnel} in step with SCIM users. A person is one per tenant, found across connections by their
 * key ({@code scimgate_person_key}: the e-mail, else an e-mail-like userName; see V013); each SCIM user that is
 * them is a row of {@code person_identities}. Statuses: {@code imported} (known, not invited), {@code invited},
 * {@code active} (accepted), {@code deprovisioned} (no identity is SCIM-active any more). Every status change is
 * recorded in {@code personnel_history}.
 *
 * <p>Two statements per user event, sent without waiting (the relay pipelines them; each sees the one before):
 * {@link #LINK} finds or creates the person and records the identity, {@link #STATUS} derives the person's status
 * from all of their identities. The relay applies a tenant's events one node at a time (an advisory lock); the
 * unique key index and {@code INSERT ... ON CONFLICT} keep "one person per key" even without it.
 */
public final class PersonnelUpdates {
  /**
   * {@code $1} user, {@code $2} tenant, {@code $3} connection, {@code $4} userName, {@code $5} displayName,
   * {@code $6} e-mail, {@code $7} active, {@code $8} reason, {@code $9} when the SCIM write happened. A user seen
   * for the first time joins the person of its key, or a new one ({@code fresh}, with its first history row). A
   * known user stays with its person; when its address changes, the person is found under the new address from
   * then on, if they were known by the old one and nobody else has the new one (an Okta rename followed by the
   * move to Entra must not make a second person).
   */
  private static final String LINK = "WITH key AS (SELECT scimgate_person_key($6, $4, $1) AS value),"
      + " known AS (SELECT i.person_id, scimgate_person_key(i.email, i.user_name, i.user_id) AS old_key"
      + " FROM person_identities i WHERE i.user_id = $1 AND i.tenant_id = $2),"
      + " created AS (INSERT INTO personnel AS p (id, tenant_id, match_key, user_name, display_name, email, status,"
      + " scim_active, deprovisioned_at, created_at)"
      + " SELECT gen_random_uuid(), $2, key.value, $4, $5, $6, CASE WHEN $7 THEN 'imported' ELSE 'deprovisioned' END,"
      + " $7, CASE WHEN $7 THEN NULL ELSE now() END, $9 FROM key WHERE NOT EXISTS (SELECT 1 FROM known)"
      // DO UPDATE, not DO NOTHING: only then does RETURNING give the existing person (xmax 0: a new row)
      + " ON CONFLICT (tenant_id, match_key) DO UPDATE SET match_key = excluded.match_key"
      + " RETURNING p.id, p.xmax = 0 AS fresh),"
      + " born AS (INSERT INTO personnel_history (person_id, tenant_id, status, reason)"
      + " SELECT id, $2, CASE WHEN $7 THEN 'imported' ELSE 'deprovisioned' END, $8 FROM created WHERE fresh),"
      + " rekeyed AS (UPDATE personnel p SET match_key = key.value FROM key, known"
      + " WHERE p.id = known.person_id AND p.match_key = known.old_key AND known.old_key <> key.value"
      + " AND key.value LIKE 'email:%'"
      + " AND NOT EXISTS (SELECT 1 FROM personnel o WHERE o.tenant_id = $2 AND o.match_key = key.value)),"
      + " linked AS (INSERT INTO person_identities AS i (user_id, person_id, tenant_id, connection_id, user_name,"
      + " email, active, created_at)"
      + " SELECT $1, coalesce((SELECT person_id FROM known), (SELECT id FROM created)), $2, $3, $4, $6, $7, $9"
      + " ON CONFLICT (user_id) DO UPDATE SET user_name = $4, email = $6, active = $7, updated_at = now())"
      + " SELECT coalesce((SELECT fresh FROM created), false) AS fresh";

  /**
   * {@code $1} user, {@code $2} tenant, {@code $3} whether this user is active, {@code $4..$6} its userName,
   * displayName, e-mail, {@code $7} reason. The person is deprovisioned when none of their identities is active;
   * one active again brings them back: {@code active} if they had accepted, else {@code imported} with a new
   * invitation round, so that the policy may invite them again. Names and e-mail follow the active identities
   * (an old, deactivated account's updates do not overwrite the current one's). Returns the status before and
   * after; no row when the user is no one's identity.
   */
  private static final String STATUS = "WITH ident AS (SELECT person_id FROM person_identities"
      + " WHERE user_id = $1 AND tenant_id = $2),"
      + " before AS (SELECT p.id, p.status FROM personnel p JOIN ident ON p.id = ident.person_id FOR UPDATE OF p),"
      + " live AS (SELECT coalesce(bool_or(i.active), false) AS any_active FROM person_identities i"
      + " JOIN ident ON i.person_id = ident.person_id),"
      // `before` is joined, not read after: a row this statement has updated is invisible to its own FOR UPDATE
      + " up AS (UPDATE personnel p SET scim_active = live.any_active, updated_at = now(),"
      + " user_name = CASE WHEN $3 OR NOT live.any_active THEN $4 ELSE p.user_name END,"
      + " display_name = CASE WHEN $3 OR NOT live.any_active THEN $5 ELSE p.display_name END,"
      + " email = CASE WHEN $3 OR NOT live.any_active THEN $6 ELSE p.email END,"
      + " status = CASE WHEN NOT live.any_active THEN 'deprovisioned' WHEN p.status <> 'deprovisioned' THEN p.status"
      + " WHEN p.accepted_at IS NOT NULL THEN 'active' ELSE 'imported' END,"
      + " invite_round = CASE WHEN live.any_active AND p.status = 'deprovisioned' AND p.accepted_at IS NULL"
      + " THEN p.invite_round + 1 ELSE p.invite_round END,"
      + " deprovisioned_at = CASE WHEN NOT live.any_active AND p.status <> 'deprovisioned' THEN now()"
      + " ELSE p.deprovisioned_at END"
      + " FROM before, live WHERE p.id = before.id RETURNING p.id, before.status AS before, p.status AS after),"
      + " hist AS (INSERT INTO personnel_history (person_id, tenant_id, status, reason)"
      + " SELECT id, $2, after, $7 FROM up WHERE after IS DISTINCT FROM before)"
      + " SELECT id AS person_id, before, after FROM up";

  /** A deleted user stays the person's identity, inactive for good. */
  private static final String UNLINK = "UPDATE person_identities SET active = false, deleted_at = now(),"
      + " updated_at = now() WHERE user_id = $1 AND tenant_id = $2";

  private PersonnelUpdates() {}

  /** A user created, updated, deactivated or reactivated. */
  public static Future<StatusChange> upsert(SqlConnection conn, OutboxEvent event) {
    JsonNode data = event.data();
    boolean active = data.path("active").asBoolean(true);
    String reason = reason(event.type());
    Tuple link = Tuple.of(event.resourceId(), event.tenantId(), event.connectionId(), data.path("userName").asText(),
            text(data, "displayName"), text(data, "email"), active)
        .addValue(reason)
        // the change's own time (the outbox row's clock time), not the relay batch's: people list in the order the
        // IdP created them, where one batch's now() would tie them all
        .addValue(event.createdAt().atOffset(ZoneOffset.UTC));
    Future<Boolean> fresh = conn.preparedQuery(LINK).execute(link)
        .map(rows -> rows.iterator().next().getBoolean("fresh"));
    Future<StatusChange> change = status(conn, event, active, reason);
    // a person created deprovisioned (a user pushed inactive) had no status before: that is a deprovisioning too
    return Future.all(fresh, change).map(done -> fresh.result() ? change.result().asNew() : change.result());
  }

  /** A deleted user: their identity is inactive for good; the person is deprovisioned unless another is active. */
  public static Future<StatusChange> deprovision(SqlConnection conn, OutboxEvent event) {
    Future<Void> unlinked = conn.preparedQuery(UNLINK).execute(Tuple.of(event.resourceId(), event.tenantId()))
        .mapEmpty();
    Future<StatusChange> change = status(conn, event, false, "deleted by the IdP");
    return Future.all(unlinked, change).map(done -> change.result());
  }

  private static Future<StatusChange> status(SqlConnection conn, OutboxEvent event, boolean active, String reason) {
    JsonNode data = event.data();
    Tuple params = Tuple.of(event.resourceId(), event.tenantId(), active, data.path("userName").asText(),
        text(data, "displayName"), text(data, "email"), reason);
    return conn.preparedQuery(STATUS).execute(params).map(rows -> {
      if (rows.size() == 0) {
        return StatusChange.NONE;
      }
      Row row = rows.iterator().next();
      return new StatusChange(row.getUUID("person_id"), row.getString("before"), row.getString("after"));
    });
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
  public record StatusChange(UUID personId, String before, String after) {
    static final StatusChange NONE = new StatusChange(null, null, null);

    public boolean becameDeprovisioned() {
      return "deprovisioned".equals(after) && !"deprovisioned".equals(before);
    }

    StatusChange asNew() {
      return new StatusChange(personId, null, after);
    }
  }
}
