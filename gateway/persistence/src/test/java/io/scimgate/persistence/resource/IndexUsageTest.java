package io.scimgate.persistence.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.query.KeysetPosition;
import io.scimgate.persistence.query.ListStatements;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.scimgate.scim.filter.FilterParser;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With 100,000 users in a connection (and 10,000 in another), the lookups IdPs make before every write are
 * index lookups: the plan of the very statement the gateway runs contains no sequential scan of scim_users.
 */
class IndexUsageTest {
  private static final int USERS = 100_000;
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;
  private static UUID connection;
  private static UUID someUser;

  @BeforeAll
  static void seed() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    UUID tenant = UUID.randomUUID();
    connection = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    pool.preparedQuery("INSERT INTO tenants (id, name) VALUES ($1, 'explain')").execute(Tuple.of(tenant)).await();
    for (UUID c : List.of(connection, other)) {
      pool.preparedQuery("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, status,"
          + " token_generation, token_fingerprint) VALUES ($1, $2, 'okta', 'c', 'Okta SCIM - ', 'enabled', 1, 'f')")
          .execute(Tuple.of(c, tenant)).await();
    }
    insertUsers(tenant, connection, USERS);
    insertUsers(tenant, other, USERS / 10);
    pool.query("ANALYZE scim_users").execute().await();
    someUser = pool.preparedQuery("SELECT id FROM scim_users WHERE connection_id = $1 LIMIT 1")
        .execute(Tuple.of(connection)).await().iterator().next().getUUID(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "userName eq \"User-4242@Example.com\"",
      "externalId eq \"ext-4242\"",
      "displayName eq \"user 4242\"",
      "id eq \"%ID%\"",
      "emails.value eq \"user-4242@example.com\"",
      "meta.lastModified gt \"%RECENT%\"",
      "userName eq \"user-1@example.com\" and externalId eq \"ext-1\"",
  })
  void lookupsAreIndexScans(String filter) throws Exception {
    String text = filter.replace("%ID%", someUser.toString())
        .replace("%RECENT%", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).toString());
    ListStatements statements = ListStatements.users(connection,
        new ResourceQuery(FilterParser.parse(text), null, false, null, 0, 100, false), UserRepository.RETURNING);
    String plan = explain(statements.page());
    assertThat(plan).as(text + "\n" + plan).doesNotContain("Seq Scan")
        .containsAnyOf("Index Scan", "Index Only Scan", "Bitmap Index Scan");
    String countPlan = explain(statements.count());
    assertThat(countPlan).as(text + " (count)\n" + countPlan).doesNotContain("Seq Scan");
  }

  /** A cursor page deep into the connection starts in the page index at its position (no scan, no sort). */
  @Test
  void aDeepKeysetPageStartsInThePageIndexAtItsPosition() throws Exception {
    Row middle = pool.preparedQuery("SELECT created_at, id FROM scim_users WHERE connection_id = $1"
            + " ORDER BY created_at, id OFFSET $2 LIMIT 1")
        .execute(Tuple.of(connection, USERS / 2)).await().iterator().next();
    KeysetPosition position = new KeysetPosition(middle.getOffsetDateTime("created_at").toInstant(),
        middle.getUUID("id"));
    ListStatements statements = ListStatements.users(connection,
        new ResourceQuery(null, null, false, position, 0, 101, false), UserRepository.RETURNING);
    String plan = explain(statements.page());
    assertThat(plan).as(plan).doesNotContain("Seq Scan").doesNotContain("Sort").contains("scim_users_page");
    assertThat(pool.preparedQuery(statements.page().sql()).execute(statements.page().params()).await().size())
        .isEqualTo(101);
  }

  /**
   * A page of a 100,000-member group's members (a streamed GET /Groups/{id}) walks the membership table's primary
   * key from the last member sent and looks each member's name up by id: it costs the page, not the group.
   */
  @Test
  void aPageOfABigGroupsMembersIsAnIndexRangeScan() throws Exception {
    UUID group = UUID.randomUUID();
    UUID tenant = pool.preparedQuery("SELECT tenant_id FROM connections WHERE id = $1").execute(Tuple.of(connection))
        .await().iterator().next().getUUID(0);
    pool.preparedQuery("INSERT INTO scim_groups (id, tenant_id, connection_id, display_name, product_name, doc,"
            + " version, created_at, modified_at) VALUES ($1, $2, $3, 'all', 'all', '{}', 1, now(), now())")
        .execute(Tuple.of(group, tenant, connection)).await();
    pool.preparedQuery("INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
            + " SELECT $3, $1, id, 'User' FROM scim_users WHERE connection_id = $2")
        .execute(Tuple.of(group, connection, tenant)).await();
    pool.query("ANALYZE scim_group_members").execute().await();
    for (boolean after : List.of(false, true)) {
      List<Object> params = after ? List.of(group, 1000, someUser) : List.of(group, 1000);
      String plan = explain(Memberships.pageSql(after), params);
      // a merge or hash join would read the users from their start (or all of them) for every page
      assertThat(plan).as(plan).doesNotContain("Seq Scan").doesNotContain("Sort").doesNotContain("Merge")
          .doesNotContain("Hash").contains("Index Scan using scim_group_members_pkey")
          .contains("Index Scan using scim_users_pkey");
    }
  }

  private static String explain(ListStatements.Statement statement) throws Exception {
    return explain(statement.sql(), statement.params());
  }

  private static String explain(String sql, List<Object> params) throws Exception {
    return explain(sql, Tuple.from(params));
  }

  private static String explain(String sql, Tuple params) throws Exception {
    StringBuilder plan = new StringBuilder();
    for (Row row : pool.preparedQuery("EXPLAIN " + sql).execute(params).await(30, TimeUnit.SECONDS)) {
      plan.append(row.getString(0)).append('\n');
    }
    return plan.toString();
  }

  private static void insertUsers(UUID tenant, UUID connectionId, int count) {
    for (int start = 0; start < count; start += 10_000) {
      int n = Math.min(10_000, count - start);
      UUID[] ids = new UUID[n];
      String[] names = new String[n];
      String[] externalIds = new String[n];
      for (int i = 0; i < n; i++) {
        ids[i] = UUID.randomUUID();
        names[i] = "user-" + (start + i) + "@example.com";
        externalIds[i] = "ext-" + (start + i);
      }
      pool.preparedQuery("INSERT INTO scim_users (id, tenant_id, connection_id, user_name, external_id, display_name,"
              + " active, emails_folded, doc, version, created_at, modified_at)"
              + " SELECT u.id, $1, $2, u.name, u.ext, 'User ' || split_part(u.ext, '-', 2), true, ARRAY[u.name],"
              + " jsonb_build_object('userName', u.name), 1, now() - interval '1 day', now() - interval '1 day'"
              + " FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(id, name, ext)")
          .execute(Tuple.of(tenant, connectionId, ids, names, externalIds)).await();
    }
  }
}
