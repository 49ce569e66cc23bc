package io.scimgate.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.testing.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With 100,000 people in a tenant (and 200,000 in four others), the Personnel screen's statements (first page, a
 * search, a deep keyset page, their totals) are index scans, never a sequential scan of personnel: both as
 * planned for the values at hand and as a generic plan, which the gateway's cached prepared statements may
 * switch to after five runs. Timings are for the benchmarks; this only checks the plans.
 */
class PersonnelIndexUsageTest {
  private static final int PEOPLE = 100_000;
  /** The tenant is a part of the table, as in production: a whole-table scan is never the cheap way to it. */
  private static final int OTHER_TENANTS = 4;
  private static final PersonnelStatus ANY = null;
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(1);
  private static Vertx vertx;
  private static Pool pool;
  private static UUID tenant;
  private static UUID connection;
  /** Somewhere in the middle of the tenant: what a deep page continues after. */
  private static PersonnelCursor middle;

  @BeforeAll
  static void seed() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    tenant = UUID.randomUUID();
    connection = UUID.randomUUID();
    insertPeople(tenant, connection, 0, PEOPLE);
    for (int other = 1; other <= OTHER_TENANTS; other++) {
      insertPeople(UUID.randomUUID(), UUID.randomUUID(), other * PEOPLE, PEOPLE / 2);
    }
    // the plans asserted below are those of these statistics: an autoanalyze in the middle (on a server with
    // autovacuum on) would change them under the test
    pool.query("ALTER TABLE personnel SET (autovacuum_enabled = false)").execute().await(10, TimeUnit.SECONDS);
    pool.query("ALTER TABLE person_identities SET (autovacuum_enabled = false)").execute()
        .await(10, TimeUnit.SECONDS);
    // ANALYZE samples 300 rows per statistics target unit: at the default (100) it reads a random 30,000 of these
    // tables' rows, and the estimates, so the plans, changed from run to run (a sequential scan now and then);
    // a target that covers every row makes the statistics, and the plans asserted, the same on every run
    pool.withConnection(conn -> conn.query("SET default_statistics_target = 1000").execute()
        .compose(set -> conn.query("VACUUM ANALYZE personnel, person_identities").execute()))
        .await(120, TimeUnit.SECONDS);
    Row row = pool.preparedQuery("SELECT created_at, id FROM personnel WHERE tenant_id = $1"
        + " ORDER BY created_at, id OFFSET 60000 LIMIT 1").execute(Tuple.of(tenant)).await().iterator().next();
    middle = new PersonnelCursor(row.getOffsetDateTime(0).toInstant(), row.getUUID(1));
  }

  @Test
  void theFirstPageWalksThePageOrderIndex() throws Exception {
    assertIndexed(PersonnelRepository.pageQuery(tenant, PersonnelFilter.ALL, null, 0, 101));
    assertIndexed(PersonnelRepository.countQuery(tenant, PersonnelFilter.ALL));
  }

  @Test
  void aDeepKeysetPageStartsInTheIndexAtItsCursor() throws Exception {
    assertIndexed(PersonnelRepository.pageQuery(tenant, PersonnelFilter.ALL, middle, 0, 101));
    PersonnelFilter invited = new PersonnelFilter(PersonnelStatus.INVITED, null, null, null);
    assertIndexed(PersonnelRepository.pageQuery(tenant, invited, middle, 0, 101));
    PersonnelFilter oneConnection = new PersonnelFilter(ANY, null, connection, null);
    assertIndexed(PersonnelRepository.pageQuery(tenant, oneConnection, middle, 0, 101));
    assertIndexed(PersonnelRepository.pageQuery(tenant, oneConnection, null, 0, 101));
    assertIndexed(PersonnelRepository.countQuery(tenant, oneConnection));
  }

  @Test
  void searchesRangeOverThePrefixIndexes() throws Exception {
    for (String q : new String[] {"Person 4242", "p4242@", "USER-4242", "zzz-nobody"}) {
      PersonnelFilter search = new PersonnelFilter(ANY, null, null, q);
      String plan = assertIndexed(PersonnelRepository.pageQuery(tenant, search, null, 0, 101));
      assertThat(plan).as(plan).contains("personnel_display_name_prefix", "personnel_user_name_prefix",
          "personnel_email_prefix");
      assertIndexed(PersonnelRepository.pageQuery(tenant, search, middle, 0, 101));
      assertIndexed(PersonnelRepository.countQuery(tenant, search));
      assertIndexed(PersonnelRepository.countQuery(tenant,
          new PersonnelFilter(PersonnelStatus.IMPORTED, null, connection, q)));
    }
  }

  /** Fails on a sequential scan of personnel in either plan; the plans' text, for more specific checks. */
  private static String assertIndexed(SqlStatement statement) throws Exception {
    String custom = explain(statement.sql(), statement.params());
    String generic = genericPlan(statement);
    for (String plan : new String[] {custom, generic}) {
      assertThat(plan).as(statement.sql() + "\n" + plan).doesNotContain("Seq Scan on personnel")
          .doesNotContain("Seq Scan on person_identities")
          .containsAnyOf("Index Scan", "Index Only Scan", "Bitmap Index Scan");
    }
    return custom + generic;
  }

  private static String explain(String sql, Tuple params) throws Exception {
    return plan(pool.preparedQuery("EXPLAIN " + sql).execute(params).await(30, TimeUnit.SECONDS));
  }

  /**
   * The plan a cached prepared statement gets once PostgreSQL stops planning for each call's values. EXECUTE
   * takes no bind parameters, so the test's own values go in as quoted literals.
   */
  private static String genericPlan(SqlStatement statement) throws Exception {
    StringJoiner values = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < statement.params().size(); i++) {
      values.add("'" + String.valueOf(statement.params().getValue(i)).replace("'", "''") + "'");
    }
    return pool.withConnection(conn -> conn.query("SET plan_cache_mode = force_generic_plan").execute()
            .compose(set -> conn.query("PREPARE page AS " + statement.sql()).execute())
            .compose(prepared -> conn.query("EXPLAIN EXECUTE page" + values).execute()
                .eventually(() -> conn.query("DEALLOCATE page").execute()))
            .map(PersonnelIndexUsageTest::plan))
        .await(30, TimeUnit.SECONDS);
  }

  private static String plan(Iterable<Row> rows) {
    StringBuilder plan = new StringBuilder();
    rows.forEach(row -> plan.append(row.getString(0)).append('\n'));
    return plan.toString();
  }

  /**
   * {@code count} people numbered from {@code first}: one a second, statuses in turn, a few without e-mail, each
   * with one identity in {@code connectionId}.
   */
  private static void insertPeople(UUID tenantId, UUID connectionId, int first, int count) throws Exception {
    pool.preparedQuery("INSERT INTO tenants (id, name) VALUES ($1, 'explain')").execute(Tuple.of(tenantId)).await();
    pool.preparedQuery("WITH people AS (INSERT INTO personnel (id, tenant_id, match_key, user_name, display_name,"
            + " email, status, scim_active, created_at, updated_at)"
            + " SELECT gen_random_uuid(), $1, 'email:user-' || i || '@example.com', 'user-' || i || '@example.com',"
            + " 'Person ' || i, CASE WHEN i % 50 <> 0 THEN 'p' || i || '@Example.com' END,"
            + " (ARRAY['imported', 'invited', 'active', 'deprovisioned'])[1 + i % 4], i % 4 <> 3,"
            + " $3::timestamptz + i * interval '1 second', now()"
            + " FROM generate_series($4::int, $5::int) AS i RETURNING id, user_name, email, scim_active, created_at)"
            + " INSERT INTO person_identities (user_id, person_id, tenant_id, connection_id, user_name, email, active,"
            + " created_at) SELECT gen_random_uuid(), id, $1, $2, user_name, email, scim_active, created_at FROM people")
        .execute(Tuple.of(tenantId, connectionId, Instant.parse("2024-01-01T00:00:00Z").atOffset(
            ZoneOffset.UTC), first, first + count - 1))
        .await(120, TimeUnit.SECONDS);
  }
}
