package io.scimgate.persistence.pipeline;

import io.scimgate.persistence.Rows;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.events.EventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a tenant's personnel and records accepted invitations. The relay owns every other status change
 * (it links people to SCIM users from their events); this class writes only the one the product's sign-up makes.
 *
 * <p>A person is named by their own id or by the id of any SCIM user that is them ({@link #RESOLVE}), so that
 * links made when people were SCIM users keep working.
 */
public final class PersonnelRepository {
  private static final String COLUMNS = "p.id, p.tenant_id, p.user_name, p.display_name, p.email, p.status,"
      + " p.invited_at, p.accepted_at, p.deprovisioned_at, p.created_at, p.updated_at";
  /** The person {@code $1} names in tenant {@code $2}: a user id stands for its person, else it is a person id. */
  private static final String RESOLVE = "coalesce((SELECT i.person_id FROM person_identities i"
      + " WHERE i.user_id = $1 AND i.tenant_id = $2), $1)";
  private static final String IDENTITIES = "SELECT person_id, user_id, connection_id, user_name, email, active,"
      + " deleted_at FROM person_identities WHERE person_id = ANY($1) ORDER BY person_id, created_at, user_id";

  private final Pool pool;
  private final AuditLog audit;

  public PersonnelRepository(Pool pool) {
    this.pool = pool;
    this.audit = new AuditLog(pool);
  }

  /**
   * One page in creation order (ties broken by person id, so pages never overlap), the total matching
   * {@code filter}, and the position after the page's last person when more follow. {@code after} (a previous
   * page's {@link PersonnelPage#next()}) and {@code offset} both skip ahead; the cursor does it in an index.
   */
  public Future<PersonnelPage> list(UUID tenantId, PersonnelFilter filter, PersonnelCursor after, int offset,
      int limit) {
    SqlStatement pageQuery = pageQuery(tenantId, filter, after, offset, limit + 1);
    Future<List<Person>> page = pool.preparedQuery(pageQuery.sql()).execute(pageQuery.params())
        .map(PersonnelRepository::all)
        .compose(people -> withIdentities(pool, people));
    SqlStatement countQuery = countQuery(tenantId, filter);
    Future<Long> total = pool.preparedQuery(countQuery.sql()).execute(countQuery.params())
        .map(rows -> rows.iterator().next().getLong(0));
    return Future.all(page, total).map(done -> {
      List<Person> people = page.result();
      boolean more = people.size() > limit;
      List<Person> shown = more ? people.subList(0, limit) : people;
      return new PersonnelPage(shown, total.result(), more ? PersonnelCursor.of(shown.get(limit - 1)) : null);
    });
  }

  /**
   * The page statement. Without a narrowing filter the page order's index yields the page directly; with one
   * (search, group, connection) a materialized CTE collects the matches through their own indexes first, so that no plan,
   * generic ones included, walks the whole tenant in page order looking for a few matches.
   */
  static SqlStatement pageQuery(UUID tenantId, PersonnelFilter filter, PersonnelCursor after, int offset,
      int limit) {
    Tuple params = Tuple.tuple();
    String where = filter.where(tenantId, params);
    if (after != null) {
      params.addValue(after.createdAt().atOffset(ZoneOffset.UTC)).addValue(after.personId());
      where += " AND (p.created_at, p.id) > ($" + (params.size() - 1) + "::timestamptz, $" + params.size()
          + "::uuid)";
    }
    String rows = "SELECT " + COLUMNS + " FROM personnel p" + where;
    String source = filter.narrows() ? "WITH found AS MATERIALIZED (" + rows + ") SELECT * FROM found p" : rows;
    params.addValue(offset).addValue(limit);
    return new SqlStatement(source + " ORDER BY p.created_at, p.id OFFSET $" + (params.size() - 1)
        + " LIMIT $" + params.size(), params);
  }

  /** How many people match {@code filter}, whatever the page. */
  static SqlStatement countQuery(UUID tenantId, PersonnelFilter filter) {
    Tuple params = Tuple.tuple();
    return new SqlStatement("SELECT count(*) FROM personnel p" + filter.where(tenantId, params), params);
  }

  /**
   * The person {@code id} names (their id, or a SCIM user's that is them) with their identities, or {@code null}
   * when there is none in this tenant.
   */
  public Future<Person> get(UUID tenantId, UUID id) {
    return find(pool, tenantId, id);
  }

  /** The status changes of the person {@code id} names, oldest first. */
  public Future<List<PersonnelHistoryEntry>> history(UUID tenantId, UUID id) {
    return pool.preparedQuery("SELECT at, status, reason FROM personnel_history WHERE person_id = " + RESOLVE
            + " AND tenant_id = $2 ORDER BY id")
        .execute(Tuple.of(id, tenantId))
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
  public Future<StateChange<Person>> accept(UUID tenantId, UUID id, AuditContext ctx) {
    return pool.withTransaction(conn -> acceptIn(conn, tenantId, id, null, ctx, "invitation accepted")
        .compose(accepted -> accepted == null
            ? find(conn, tenantId, id).map(StateChange::refused)
            : Future.succeededFuture(StateChange.applied(accepted))));
  }

  /**
   * On {@code conn}'s transaction: the person {@code id} names, if {@code invited} (for invitation {@code round}
   * when given), becomes {@code active}, with history ({@code reason}), outbox event and audit row. {@code null}
   * when refused (nothing written).
   */
  Future<Person> acceptIn(SqlConnection conn, UUID tenantId, UUID id, Integer round, AuditContext ctx,
      String reason) {
    return conn.preparedQuery("WITH p AS (UPDATE personnel SET status = 'active', accepted_at = now(),"
            + " updated_at = now() WHERE id = " + RESOLVE + " AND tenant_id = $2 AND status = 'invited'"
            + " AND ($3::int IS NULL OR invite_round = $3) RETURNING *),"
            + " history AS (INSERT INTO personnel_history (person_id, tenant_id, status, reason)"
            + " SELECT id, tenant_id, 'active', $4 FROM p)"
            + " SELECT " + COLUMNS + " FROM p")
        .execute(Tuple.of(id, tenantId, round, reason))
        .map(rows -> Rows.firstOrNull(rows, PersonnelRepository::map))
        .compose(accepted -> accepted == null ? Future.succeededFuture(null)
            : recordAcceptance(conn, accepted, ctx).compose(done -> withIdentity(conn, accepted)));
  }

  /** The person {@code id} names in the tenant, with identities, read on {@code on}; or {@code null}. */
  static Future<Person> find(SqlClient on, UUID tenantId, UUID id) {
    return on.preparedQuery("SELECT " + COLUMNS + " FROM personnel p WHERE p.id = " + RESOLVE
            + " AND p.tenant_id = $2")
        .execute(Tuple.of(id, tenantId))
        .map(rows -> Rows.firstOrNull(rows, PersonnelRepository::map))
        .compose(person -> withIdentity(on, person));
  }

  private Future<Void> recordAcceptance(SqlConnection conn, Person person, AuditContext ctx) {
    return OutboxEvents.append(conn, person.tenantId(), null, EventType.PERSONNEL_ACCEPTED, person.id(),
            new JsonObject().put("personId", person.id().toString()))
        .compose(done -> audit.append(conn, ctx, "personnel_accept", "Personnel", person.id().toString()));
  }

  private static Future<Person> withIdentity(SqlClient on, Person person) {
    return person == null ? Future.succeededFuture(null)
        : withIdentities(on, List.of(person)).map(people -> people.get(0));
  }

  /** The people with their identities, in one query for the whole page. */
  private static Future<List<Person>> withIdentities(SqlClient on, List<Person> people) {
    if (people.isEmpty()) {
      return Future.succeededFuture(people);
    }
    UUID[] ids = people.stream().map(Person::id).toArray(UUID[]::new);
    return on.preparedQuery(IDENTITIES).execute(Tuple.of((Object) ids)).map(rows -> {
      Map<UUID, List<PersonIdentity>> byPerson = new HashMap<>();
      for (Row row : rows) {
        byPerson.computeIfAbsent(row.getUUID("person_id"), key -> new ArrayList<>()).add(new PersonIdentity(
            row.getUUID("user_id"), row.getUUID("connection_id"), row.getString("user_name"),
            row.getString("email"), row.getBoolean("active"), Rows.instant(row, "deleted_at")));
      }
      return people.stream().map(person -> person.withIdentities(byPerson.getOrDefault(person.id(), List.of())))
          .toList();
    });
  }

  private static List<Person> all(Iterable<Row> rows) {
    List<Person> people = new ArrayList<>();
    rows.forEach(row -> people.add(map(row)));
    return people;
  }

  private static Person map(Row row) {
    return new Person(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("user_name"),
        row.getString("display_name"), row.getString("email"), PersonnelStatus.fromDb(row.getString("status")),
        Rows.instant(row, "invited_at"), Rows.instant(row, "accepted_at"), Rows.instant(row, "deprovisioned_at"),
        Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"), List.of());
  }
}
