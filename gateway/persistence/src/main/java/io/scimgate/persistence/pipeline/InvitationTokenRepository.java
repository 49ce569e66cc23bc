package io.scimgate.persistence.pipeline;

import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Invitation links (V014): each tenant's sign-up URL template, the tokens of the links in invitation mails, and
 * sending an invitation again. A token is issued when its mail is sent ({@link #issue}), so the clear token exists
 * only in that mail; the product's sign-up hands it back ({@link #accept}). Owner of {@code invitation_settings}
 * and {@code invitation_tokens}; a resend also bumps {@code invitations.link_generation}, which makes the
 * invitation's earlier mails that are still queued stale.
 */
public final class InvitationTokenRepository {
  /**
   * A token for the mail of generation {@code $4} of invitation ($2, $3); none once a resend made it stale. The
   * share lock orders it with a resend: one that bumped the generation first makes this find none; one that comes
   * after sees this token and revokes it.
   */
  private static final String ISSUE = "WITH inv AS (SELECT tenant_id, person_id, round FROM invitations"
      + " WHERE person_id = $2 AND round = $3 AND link_generation = $4 FOR SHARE)"
      + " INSERT INTO invitation_tokens (token_hash, tenant_id, person_id, round, expires_at)"
      + " SELECT $1, tenant_id, person_id, round, now() + make_interval(secs => $5) FROM inv RETURNING expires_at";
  /** Uses a good token, in one step: two calls with one token cannot both get it. */
  private static final String USE = "UPDATE invitation_tokens SET used_at = now() WHERE token_hash = $1"
      + " AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING tenant_id, person_id, round";
  /** A resend, first: the person's outstanding invitation gets a new generation (and stays locked till commit). */
  private static final String NEXT_GENERATION = "UPDATE invitations i SET link_generation = link_generation + 1"
      + " FROM personnel p WHERE p.id = $1 AND p.tenant_id = $2 AND p.status = 'invited' AND p.email IS NOT NULL"
      + " AND i.person_id = p.id AND i.round = p.invite_round RETURNING i.round, i.link_generation";
  /**
   * Then, in a statement of its own (so that it sees a token issued while the first waited for its lock): the
   * person's unused tokens are revoked, the history says so, and a new mail is queued, whose id names the
   * generation (a new message).
   */
  private static final String RESEND = "WITH revoked AS (UPDATE invitation_tokens SET revoked_at = now()"
      + " WHERE person_id = $1 AND used_at IS NULL AND revoked_at IS NULL),"
      + " hist AS (INSERT INTO personnel_history (person_id, tenant_id, status, reason)"
      + " VALUES ($1, $2, 'invited', 'invitation sent again'))"
      + " INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, occurred_at)"
      + " SELECT 'invite:' || p.id || ':' || $3::int || ':' || $4::int, $2, 'email', 'personnel.invited',"
      + " jsonb_build_object("
      + "'personId', p.id, 'email', p.email, 'displayName', p.display_name, 'userName', p.user_name, 'round', $3::int,"
      + " 'linkGeneration', $4::int), p.email, 'pending', now() FROM personnel p WHERE p.id = $1 RETURNING id";

  private final Pool pool;
  private final AuditLog audit;
  private final PersonnelRepository personnel;

  public InvitationTokenRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
    this.personnel = new PersonnelRepository(pool);
  }

  /** The tenant's sign-up URL template, or {@code null} when it has none of its own. */
  public Future<String> urlTemplate(UUID tenantId) {
    return pool.preparedQuery("SELECT url_template FROM invitation_settings WHERE tenant_id = $1")
        .execute(Tuple.of(tenantId))
        .map(rows -> Rows.firstOrNull(rows, row -> row.getString("url_template")));
  }

  /** Sets ({@code null}: removes) the tenant's sign-up URL template, with an audit row. */
  public Future<Void> setUrlTemplate(UUID tenantId, String template, AuditContext ctx) {
    String sql = template == null ? "DELETE FROM invitation_settings WHERE tenant_id = $1 AND $2::text IS NULL"
        : "INSERT INTO invitation_settings (tenant_id, url_template) VALUES ($1, $2)"
            + " ON CONFLICT (tenant_id) DO UPDATE SET url_template = $2, updated_at = now()";
    return pool.withTransaction(conn -> conn.preparedQuery(sql).execute(Tuple.of(tenantId, template))
        .compose(done -> audit.append(conn, ctx, "invitation_url_update", "Tenant", tenantId.toString())));
  }

  /**
   * Stores {@code token} for the mail of generation {@code generation} of invitation ({@code personId},
   * {@code round}), valid for {@code ttl}; completes with its expiry, or {@code null} when that mail is stale (a
   * resend came after it) or the invitation is gone.
   */
  public Future<Instant> issue(InvitationToken token, UUID personId, int round, int generation, Duration ttl) {
    return pool.preparedQuery(ISSUE)
        .execute(Tuple.of(Buffer.buffer(token.hash()), personId, round, generation, ttl.toMillis() / 1000.0))
        .map(rows -> Rows.firstOrNull(rows, row -> Rows.instant(row, "expires_at")));
  }

  /**
   * Accepts the invitation of {@code token}: the token is used and the person {@code active} (history, outbox
   * event, audit row by {@code actor}), in one transaction. A token that cannot be used, or whose person is no
   * longer invited for its round, changes nothing.
   */
  public Future<TokenAcceptance> accept(String token, String actor, String requestId) {
    Buffer hash = Buffer.buffer(InvitationToken.hash(token));
    return pool.withTransaction(conn -> conn.preparedQuery(USE).execute(Tuple.of(hash))
            .compose(rows -> rows.size() == 0 ? whyNot(conn, hash) : acceptPerson(conn, rows.iterator().next(),
                actor, requestId)))
        .recover(failure -> failure instanceof PersonNotInvited refused
            ? Future.succeededFuture(new TokenAcceptance.NotInvited(refused.person))
            : Future.failedFuture(failure));
  }

  private Future<TokenAcceptance> acceptPerson(SqlConnection conn, Row token, String actor, String requestId) {
    UUID tenantId = token.getUUID("tenant_id");
    UUID personId = token.getUUID("person_id");
    AuditContext ctx = new AuditContext(tenantId, null, actor, requestId);
    return personnel.acceptIn(conn, tenantId, personId, token.getInteger("round"), ctx,
            "invitation accepted through its link")
        .compose(accepted -> accepted != null ? Future.succeededFuture(new TokenAcceptance.Accepted(accepted))
            // rolls back: the token stays unused
            : PersonnelRepository.find(conn, tenantId, personId).compose(person -> Future.failedFuture(
                new PersonNotInvited(person))));
  }

  /** Why a token could not be used: checked in this order, so that a used link says so even once expired. */
  private static Future<TokenAcceptance> whyNot(SqlConnection conn, Buffer hash) {
    return conn.preparedQuery("SELECT used_at, revoked_at, expires_at FROM invitation_tokens WHERE token_hash = $1")
        .execute(Tuple.of(hash))
        .map(rows -> {
          if (rows.size() == 0) {
            return new TokenAcceptance.Unknown();
          }
          Row row = rows.iterator().next();
          if (row.getValue("used_at") != null) {
            return new TokenAcceptance.Used(Rows.instant(row, "used_at"));
          }
          if (row.getValue("revoked_at") != null) {
            return new TokenAcceptance.Revoked(Rows.instant(row, "revoked_at"));
          }
          return new TokenAcceptance.Expired(Rows.instant(row, "expires_at"));
        });
  }

  /**
   * Sends the invitation of the person {@code id} names again: a new mail through the delivery queue, whose link
   * gets a new token; the person's earlier links stop working, and earlier mails still queued get none.
   */
  public Future<Resend> resend(UUID tenantId, UUID id, AuditContext ctx) {
    return pool.withTransaction(conn -> PersonnelRepository.find(conn, tenantId, id).compose(person -> {
      if (person == null) {
        return Future.succeededFuture(new Resend.NotFound());
      }
      return conn.preparedQuery(NEXT_GENERATION).execute(Tuple.of(person.id(), tenantId))
          .compose(rows -> rows.size() == 0 ? Future.succeededFuture(refusal(person))
              : queueMail(conn, person, rows.iterator().next(), ctx));
    }));
  }

  private Future<Resend> queueMail(SqlConnection conn, Person person, Row invitation, AuditContext ctx) {
    Tuple params = Tuple.of(person.id(), person.tenantId(), invitation.getInteger("round"),
        invitation.getInteger("link_generation"));
    return conn.preparedQuery(RESEND).execute(params)
        .compose(rows -> audit.append(conn, ctx, "personnel_resend_invitation", "Personnel", person.id().toString())
            .map(done -> new Resend.Queued(person, rows.iterator().next().getString("id"))));
  }

  private static Resend refusal(Person person) {
    return person.status() == PersonnelStatus.INVITED && person.email() == null ? new Resend.NoEmail(person)
        : new Resend.NotInvited(person);
  }

  /** Rolls the acceptance back: the person is not invited (for the token's round) any more. */
  private static final class PersonNotInvited extends RuntimeException {
    private final transient Person person;

    PersonNotInvited(Person person) {
      super("the person has no outstanding invitation", null, false, false);
      this.person = person;
    }
  }
}
