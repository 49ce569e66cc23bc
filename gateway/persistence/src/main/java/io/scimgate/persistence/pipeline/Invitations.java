package io.scimgate.persistence.pipeline;

import io.scimgate.persistence.events.EventType;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The invite decision, set-based in one statement: of the candidates, every {@code imported}, SCIM-active person
 * of whom an active identity is a member of at least one selected group, while the tenant's toggle is on, gets an
 * invitation for their current round. Candidates are named by SCIM user (or group) and stand for their person, so
 * that a person pushed by two connections is invited once. The {@code invitations} primary key (person, round)
 * makes "once" hold whatever node or retry runs this; only the rows actually inserted go on to status
 * {@code invited}, history and deliveries.
 */
public final class Invitations {
  /** Candidates by user id: the people those users are. */
  private static final String BY_USER = "SELECT p.id, p.invite_round FROM person_identities i"
      + " JOIN personnel p ON p.id = i.person_id WHERE i.user_id = ANY($2::uuid[]) AND i.tenant_id = $1";
  /** Candidates by group: the people the members of the groups named are (a backfill). */
  private static final String BY_GROUP = "SELECT p.id, p.invite_round FROM scim_group_members gm"
      + " JOIN person_identities i ON i.user_id = gm.member_id JOIN personnel p ON p.id = i.person_id"
      + " WHERE gm.group_id = ANY($2::uuid[]) AND p.tenant_id = $1";
  /**
   * Eligibility, then the writes. The toggle check does not depend on the person: PostgreSQL evaluates it once,
   * so with auto-invites off the statement touches no personnel row.
   */
  private static final String INVITE = "WITH cand AS (%s"
      + " AND p.status = 'imported' AND p.scim_active"
      + " AND EXISTS (SELECT 1 FROM auto_invite_settings s WHERE s.tenant_id = $1 AND s.enabled)"
      + " AND EXISTS (SELECT 1 FROM person_identities mi JOIN scim_group_members m ON m.member_id = mi.user_id"
      + " JOIN auto_invite_groups a ON a.group_id = m.group_id AND a.tenant_id = $1"
      + " WHERE mi.person_id = p.id AND mi.active)"
      + " FOR UPDATE OF p),"
      + " inv AS (INSERT INTO invitations (person_id, round, tenant_id)"
      + " SELECT DISTINCT id, invite_round, $1::uuid FROM cand ON CONFLICT DO NOTHING RETURNING person_id, round),"
      + " upd AS (UPDATE personnel p SET status = 'invited', invited_at = now(), updated_at = now() FROM inv"
      + " WHERE p.id = inv.person_id RETURNING p.id, p.email, p.display_name, p.user_name, inv.round),"
      + " hist AS (INSERT INTO personnel_history (person_id, tenant_id, status, reason)"
      + " SELECT id, $1, 'invited', $3 FROM upd),"
      + " mail AS (INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, occurred_at)"
      + " SELECT 'invite:' || id || ':' || round, $1, 'email', $5::text, jsonb_build_object("
      + "'personId', id, 'email', email, 'displayName', display_name, 'userName', user_name, 'round', round),"
      + " email, 'pending', $4 FROM upd WHERE email IS NOT NULL ON CONFLICT DO NOTHING),"
      + " hook AS (INSERT INTO deliveries (id, tenant_id, channel, event_type, data, status, occurred_at)"
      + " SELECT 'webhook:' || $5::text || ':' || id || ':' || round, $1, 'webhook', $5::text,"
      + " jsonb_build_object('personId', id, 'email', email, 'displayName', display_name, 'userName', user_name),"
      + " 'pending', $4 FROM upd, webhook_endpoints w WHERE w.tenant_id = $1 AND w.enabled ON CONFLICT DO NOTHING)"
      + " SELECT count(*) AS invited FROM upd";
  private static final String INVITE_USERS = INVITE.formatted(BY_USER);
  private static final String INVITE_GROUP_MEMBERS = INVITE.formatted(BY_GROUP);

  private Invitations() {}

  /** Invites the people of {@code users} whom the policy allows. */
  public static Future<Long> inviteUsers(SqlConnection conn, UUID tenantId, List<UUID> users, String reason,
      Instant occurredAt) {
    return run(conn, INVITE_USERS, tenantId, users, reason, occurredAt);
  }

  /** Invites those members of {@code groups} whom the policy allows (a backfill). */
  public static Future<Long> inviteMembers(SqlConnection conn, UUID tenantId, List<UUID> groups, String reason,
      Instant occurredAt) {
    return run(conn, INVITE_GROUP_MEMBERS, tenantId, groups, reason, occurredAt);
  }

  /** {@code $2} is the candidates' ids: users or groups, as {@code sql} reads them; {@code $5} the event type. */
  private static Future<Long> run(SqlConnection conn, String sql, UUID tenantId, List<UUID> ids, String reason,
      Instant occurredAt) {
    Tuple params = Tuple.tuple().addValue(tenantId).addValue(ids.toArray(UUID[]::new)).addValue(reason)
        .addValue(occurredAt.atOffset(ZoneOffset.UTC)).addValue(EventType.PERSONNEL_INVITED.wireName());
    return conn.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getLong("invited"));
  }
}
