package io.scimgate.persistence.portal;

import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Portal links and portal sessions. Callers pass SHA-256 hashes of codes and session ids, never the values: the
 * database holds nothing that opens the portal.
 */
public final class PortalAccessRepository {
  /** A session's last-seen time is written at most this often: reads stay reads on a busy page. */
  private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

  private final Pool pool;
  private final AuditLog audit;

  public PortalAccessRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  /** Stores a link (and audits who asked for it). */
  public Future<Void> createLink(String codeHash, PortalLink link, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("INSERT INTO portal_links (code_hash, tenant_id, screen, subject, created_by, expires_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(codeHash, link.tenantId(), link.screen(), link.subject(), link.createdBy(),
            link.expiresAt().atOffset(ZoneOffset.UTC)))
        .compose(done -> audit.append(conn, ctx, "portal_link_create", "PortalLink", link.screen())));
  }

  /**
   * Uses a link once: marks it used and opens a session for its tenant in one transaction, so two browsers
   * racing with one code get one session between them.
   */
  public Future<LinkRedemption> redeem(String codeHash, String sessionHash, Duration lifetime) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE portal_links SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL"
            + " AND expires_at > now() RETURNING tenant_id, screen, subject")
        .execute(Tuple.of(codeHash))
        .compose(rows -> rows.size() == 0 ? whyNot(conn, codeHash)
            : openSession(conn, sessionHash, rows.iterator().next(), lifetime)));
  }

  private static Future<LinkRedemption> openSession(SqlConnection conn, String sessionHash, Row link,
      Duration lifetime) {
    PortalSession session = new PortalSession(link.getUUID("tenant_id"), link.getString("subject"),
        link.getString("screen"), Instant.now().plus(lifetime));
    return insertSession(conn, sessionHash, session).map(done -> new LinkRedemption.Redeemed(session));
  }

  private static Future<LinkRedemption> whyNot(SqlConnection conn, String codeHash) {
    return conn.preparedQuery("SELECT used_at IS NOT NULL AS used FROM portal_links WHERE code_hash = $1")
        .execute(Tuple.of(codeHash))
        .map(rows -> {
          if (rows.size() == 0) {
            return new LinkRedemption.Unknown();
          }
          return rows.iterator().next().getBoolean("used") ? new LinkRedemption.AlreadyUsed()
              : new LinkRedemption.Expired();
        });
  }

  /** Opens a session directly (an operator signing in with an admin token). */
  public Future<Void> createSession(String sessionHash, PortalSession session) {
    return pool.withConnection(conn -> insertSession(conn, sessionHash, session));
  }

  private static Future<Void> insertSession(SqlConnection conn, String sessionHash, PortalSession session) {
    return conn.preparedQuery("INSERT INTO portal_sessions (id_hash, tenant_id, subject, screen, expires_at)"
            + " VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(sessionHash, session.tenantId(), session.subject(), session.screen(),
            session.expiresAt().atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  /**
   * The session if it is neither revoked, nor past its absolute end, nor idle for longer than {@code idle};
   * else {@code null}. Marks it seen (at most every {@link #TOUCH_EVERY}).
   */
  public Future<PortalSession> findActive(String sessionHash, Duration idle) {
    return pool.preparedQuery("SELECT tenant_id, subject, screen, expires_at,"
            + " last_seen_at < now() - make_interval(secs => $3) AS stale FROM portal_sessions"
            + " WHERE id_hash = $1 AND revoked_at IS NULL AND expires_at > now()"
            + " AND last_seen_at > now() - make_interval(secs => $2)")
        .execute(Tuple.of(sessionHash, (double) idle.toSeconds(), (double) TOUCH_EVERY.toSeconds()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(null);
          }
          Row row = rows.iterator().next();
          PortalSession session = new PortalSession(row.getUUID("tenant_id"), row.getString("subject"),
              row.getString("screen"), Rows.instant(row, "expires_at"));
          return row.getBoolean("stale") ? touch(sessionHash).map(session) : Future.succeededFuture(session);
        });
  }

  private Future<Void> touch(String sessionHash) {
    return pool.preparedQuery("UPDATE portal_sessions SET last_seen_at = now() WHERE id_hash = $1")
        .execute(Tuple.of(sessionHash)).mapEmpty();
  }

  /** Ends one session (sign out). */
  public Future<Void> revoke(String sessionHash) {
    return pool.preparedQuery("UPDATE portal_sessions SET revoked_at = now() WHERE id_hash = $1"
            + " AND revoked_at IS NULL")
        .execute(Tuple.of(sessionHash)).mapEmpty();
  }

  /** Ends every session of a tenant and audits it; how many were open. */
  public Future<Integer> revokeTenant(UUID tenantId, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE portal_sessions SET revoked_at = now() WHERE tenant_id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(tenantId))
        .compose(rows -> audit.append(conn, ctx, "portal_sessions_revoke", "Tenant", tenantId.toString())
            .map(rows.rowCount())));
  }

  /** Deletes links and sessions that ended more than a day ago (kept that long to tell "used" from "unknown"). */
  public Future<Integer> prune() {
    return pool.query("WITH links AS (DELETE FROM portal_links WHERE expires_at < now() - interval '1 day'"
            + " RETURNING 1), sessions AS (DELETE FROM portal_sessions WHERE expires_at < now() - interval '1 day'"
            + " OR revoked_at < now() - interval '1 day' RETURNING 1)"
            + " SELECT (SELECT count(*) FROM links) + (SELECT count(*) FROM sessions)")
        .execute()
        .map(rows -> rows.iterator().next().getInteger(0));
  }
}
