package io.scimgate.invites.policy;

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
 * who is a member of at least one selected group, while the tenant's toggle is on, gets an invitation for their
 * current round. The {@code invitations} primary key (person, round) makes "once" hold whatever node or retry
 * runs this; only the rows actually inserted go on to status {@code invited}, history and deliveries.
 */
final class Invitations {
  /** Candidates by id: the people named (the primary key finds them). */
  private static final String BY_USER = "SELECT p.user_id, p.invite_round FROM personnel p"
      + " WHERE p.user_id = ANY($2::uuid[]) AND p.tenant_id = $1";
  /** Candidates by group: the members of the groups named (a backfill). */
  private static final String BY_GROUP = "SELECT p.user_id, p.invite_round FROM scim_group_members gm"
      + " JOIN personnel p ON p.user_id = gm.member_id WHERE gm.group_id = ANY($2::uuid[]) AND p.tenant_id = $1";
  /**
   * Eligibility, then the writes. The toggle check does not depend on the person: PostgreSQL evaluates it once,
   * so with auto-invites off the statement touches no personnel row.
   */
  private static final String INVITE = "WITH cand AS (%s"
      + " AND p.status = 'imported' AND p.scim_active"
      + " AND EXISTS (SELECT 1 FROM auto_invite_settings s WHERE s.tenant_id = $1 AND s.enabled)"
      + " AND EXISTS (SELECT 1 FROM scim_group_members m JOIN auto_invite_groups a ON a.group_id = m.group_id"
      + " AND a.tenant_id = $1 WHERE m.member_id = p.user_id)"
      + " FOR UPDATE OF p),"
      + " inv AS (INSERT INTO invitations (user_id, round, tenant_id)"
      + " SELECT DISTINCT user_id, invite_round, $1::uuid FROM cand ON CONFLICT DO NOTHING RETURNING user_id, round),"
      + " upd AS (UPDATE personnel p SET status = 'invited', invited_at = now(), updated_at = now() FROM inv"
      + " WHERE p.user_id = inv.user_id RETURNING p.user_id, p.email, p.display_name, p.user_name, inv.round),"
      + " hist AS (INSERT INTO personnel_history (user_id, tenant_id, status, reason)"
      + " SELECT user_id, $1, 'invited', $3 FROM upd),"
      + " mail AS (INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, occurred_at)"
      + " SELECT 'invite:' || user_id || ':' || round, $1, 'email', $5::text, jsonb_build_object("
      + "'userId', user_id, 'email', email, 'displayName', display_name, 'userName', user_name, 'round', round),"
      + " email, 'pending', $4 FROM upd WHERE email IS NOT NULL ON CONFLICT DO NOTHING),"
      + " hook AS (INSERT INTO deliveries (id, tenant_id, channel, event_type, data, status, occurred_at)"
      + " SELECT 'webhook:' || $5::text || ':' || user_id || ':' || round, $1, 'webhook', $5::text,"
      + " jsonb_build_object('userId', user_id, 'email', email, 'displayName', display_name, 'userName', user_name),"
      + " 'pending', $4 FROM upd, webhook_endpoints w WHERE w.tenant_id = $1 AND w.enabled ON CONFLICT DO NOTHING)"
      + " SELECT count(*) AS invited FROM upd";
  private static final String INVITE_USERS = INVITE.formatted(BY_USER);
  private static final String INVITE_GROUP_MEMBERS = INVITE.formatted(BY_GROUP);

  private Invitations() {}

  /** Invites those of {@code users} whom the policy allows. */
  static Future<Long> inviteUsers(SqlConnection conn, UUID tenantId, List<UUID> users, String reason,
      Instant occurredAt) {
    return run(conn, INVITE_USERS, tenantId, users, reason, occurredAt);
  }

  /** Invites those members of {@code groups} whom the policy allows (a backfill). */
  static Future<Long> inviteMembers(SqlConnection conn, UUID tenantId, List<UUID> groups, String reason,
      Instant occurredAt) {
    return run(conn, INVITE_GROUP_MEMBERS, tenantId, groups, reason, occurredAt);
  }

  /** {@code $2} is the candidates' ids: people or groups, as {@code sql} reads them; {@code $5} the event type. */
  private static Future<Long> run(SqlConnection conn, String sql, UUID tenantId, List<UUID> ids, String reason,
      Instant occurredAt) {
    Tuple params = Tuple.tuple().addValue(tenantId).addValue(ids.toArray(UUID[]::new)).addValue(reason)
        .addValue(occurredAt.atOffset(ZoneOffset.UTC)).addValue(EventType.PERSONNEL_INVITED.wireName());
    return conn.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getLong("invited"));
  }
}
