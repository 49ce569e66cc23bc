package io.scimgate.persistence.invites;

import io.scimgate.persistence.Page;
import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a tenant's personnel and records accepted invitations. The relay owns every other status change
 * (it upserts people from SCIM user events); this class writes only the one the product's sign-up makes.
 */
public final class PersonnelRepository {
  private static final String COLUMNS = "p.user_id, p.tenant_id, p.connection_id, p.user_name, p.display_name,"
      + " p.email, p.status, p.invited_at, p.accepted_at, p.deprovisioned_at, p.created_at, p.updated_at";

  private final Pool pool;
  private final AuditLog audit;

  public PersonnelRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  /** One page in creation order (ties broken by user id, so pages never overlap) and the total. */
  public Future<Page<Person>> list(UUID tenantId, PersonnelFilter filter, int offset, int limit) {
    Tuple pageParams = Tuple.tuple();
    String pageWhere = filter.where(tenantId, pageParams);
    pageParams.addValue(offset).addValue(limit);
    Future<List<Person>> page = pool.preparedQuery("SELECT " + COLUMNS + " FROM personnel p" + pageWhere
            + " ORDER BY p.created_at, p.user_id OFFSET $" + (pageParams.size() - 1) + " LIMIT $" + pageParams.size())
        .execute(pageParams)
        .map(PersonnelRepository::all);
    Tuple countParams = Tuple.tuple();
    Future<Long> total = pool.preparedQuery("SELECT count(*) FROM personnel p" + filter.where(tenantId, countParams))
        .execute(countParams)
        .map(rows -> rows.iterator().next().getLong(0));
    return Future.all(page, total).map(done -> new Page<>(page.result(), total.result()));
  }

  /** The person, or {@code null} when there is none with this id in this tenant. */
  public Future<Person> get(UUID tenantId, UUID userId) {
    return find(pool, tenantId, userId);
  }

  private static Future<Person> find(SqlClient on, UUID tenantId, UUID userId) {
    return on.preparedQuery("SELECT " + COLUMNS + " FROM personnel p WHERE p.user_id = $1 AND p.tenant_id = $2")
        .execute(Tuple.of(userId, tenantId))
        .map(rows -> Rows.firstOrNull(rows, PersonnelRepository::map));
  }

  /** The person's status changes, oldest first. */
  public Future<List<PersonnelHistoryEntry>> history(UUID tenantId, UUID userId) {
    return pool.preparedQuery("SELECT at, status, reason FROM personnel_history WHERE user_id = $1 AND tenant_id = $2"
            + " ORDER BY id")
        .execute(Tuple.of(userId, tenantId))
        .map(rows -> {
          List<PersonnelHistoryEntry> entries = new ArrayList<>();
          for (Row row : rows) {
            entries.add(new PersonnelHistoryEntry(Rows.instant(row, "at"), row.getString("status"),
                row.getString("reason")));
          }
          return entries;
        });
  }

  /**
   * Marks an invited person active, with a history row, a {@code personnel.accepted} outbox event and an audit
   * row, in one transaction. Refused (nothing written) unless the person is {@code invited} now.
   */
  public Future<StateChange<Person>> accept(UUID tenantId, UUID userId, AuditContext ctx) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("WITH p AS (UPDATE personnel SET status = 'active', accepted_at = now(), updated_at = now()"
            + " WHERE user_id = $1 AND tenant_id = $2 AND status = 'invited' RETURNING *),"
            + " history AS (INSERT INTO personnel_history (user_id, tenant_id, status, reason)"
            + " SELECT user_id, tenant_id, 'active', 'invitation accepted' FROM p)"
            + " SELECT " + COLUMNS + " FROM p")
        .execute(Tuple.of(userId, tenantId))
        .map(rows -> Rows.firstOrNull(rows, PersonnelRepository::map))
        .compose(accepted -> accepted == null
            ? find(conn, tenantId, userId).map(StateChange::refused)
            : recordAcceptance(conn, accepted, ctx).map(done -> StateChange.applied(accepted))));
  }

  private Future<Void> recordAcceptance(SqlConnection conn, Person person, AuditContext ctx) {
    return OutboxEvents.append(conn, person.tenantId(), person.connectionId(), OutboxEvents.PERSONNEL_ACCEPTED,
            person.userId(), new JsonObject().put("userId", person.userId().toString()))
        .compose(done -> audit.append(conn, ctx, "personnel_accept", "Personnel", person.userId().toString()));
  }

  private static List<Person> all(Iterable<Row> rows) {
    List<Person> people = new ArrayList<>();
    rows.forEach(row -> people.add(map(row)));
    return people;
  }

  private static Person map(Row row) {
    return new Person(row.getUUID("user_id"), row.getUUID("tenant_id"), row.getUUID("connection_id"),
        row.getString("user_name"), row.getString("display_name"), row.getString("email"),
        PersonnelStatus.fromDb(row.getString("status")), Rows.instant(row, "invited_at"),
        Rows.instant(row, "accepted_at"), Rows.instant(row, "deprovisioned_at"), Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
