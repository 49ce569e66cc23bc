package io.scimgate.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.Database;
import io.scimgate.persistence.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V013 over data written with the schema before it (personnel keyed by SCIM user): rows of one tenant with the
 * same e-mail become one person, keeping the most advanced status, every history row and every invitation (none
 * lost, none doubled, nobody to be invited again); the others stay exactly as they were, each with its identity.
 */
class PersonIdentitiesMigrationTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-05-01T08:00:00Z");

  private static TestDatabase database;
  private static Vertx vertx;
  private static Pool pool;
  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID OTHER_TENANT = UUID.randomUUID();
  private static final UUID OKTA = UUID.randomUUID();
  private static final UUID ENTRA = UUID.randomUUID();
  private static final UUID OTHER_OKTA = UUID.randomUUID();
  /** Ann: invited by both connections (round 1 each). */
  private static final UUID ANN_OKTA = UUID.randomUUID();
  private static final UUID ANN_ENTRA = UUID.randomUUID();
  /** Bob: accepted through Okta, deleted there since; imported through Entra. */
  private static final UUID BOB_OKTA = UUID.randomUUID();
  private static final UUID BOB_ENTRA = UUID.randomUUID();
  /** Cy: userName "cy" and no e-mail in both: nothing says they are one person. */
  private static final UUID CY_OKTA = UUID.randomUUID();
  private static final UUID CY_ENTRA = UUID.randomUUID();
  /** Dee: one connection only. */
  private static final UUID DEE = UUID.randomUUID();
  /** Eve: invited through Okta and deprovisioned there without accepting; imported through Entra. */
  private static final UUID EVE_OKTA = UUID.randomUUID();
  private static final UUID EVE_ENTRA = UUID.randomUUID();
  /** Another tenant's Ann: another company's person. */
  private static final UUID OTHER_ANN = UUID.randomUUID();

  @BeforeAll
  static void migrateOldData() throws Exception {
    database = TestDatabase.create();
    vertx = Vertx.vertx();
    pool = Database.pool(vertx, database.url(), 2);
    Migrations.fromClasspath().through(12).apply(pool).await(60, TimeUnit.SECONDS);
    tenant(TENANT, OKTA, ENTRA);
    tenant(OTHER_TENANT, OTHER_OKTA, UUID.randomUUID());

    person(ANN_OKTA, TENANT, OKTA, "ann@acme.example", "Ann@Acme.example", "invited", 0);
    invited(ANN_OKTA, TENANT, 1, 1);
    person(ANN_ENTRA, TENANT, ENTRA, "ANN@ACME.EXAMPLE", " ann@acme.example ", "invited", 2);
    invited(ANN_ENTRA, TENANT, 1, 3);
    person(BOB_OKTA, TENANT, OKTA, "bob@acme.example", "bob@acme.example", "deprovisioned", 1);
    sql("UPDATE personnel SET accepted_at = $2, invited_at = $2 WHERE user_id = $1", BOB_OKTA, T0.plusHours(1));
    invited(BOB_OKTA, TENANT, 1, 1);
    deleteUser(BOB_OKTA);
    person(BOB_ENTRA, TENANT, ENTRA, "BOB@acme.example", null, "imported", 4);
    person(CY_OKTA, TENANT, OKTA, "cy", null, "imported", 5);
    person(CY_ENTRA, TENANT, ENTRA, "cy", null, "imported", 6);
    person(DEE, TENANT, OKTA, "dee@acme.example", "dee@acme.example", "invited", 7);
    invited(DEE, TENANT, 1, 7);
    person(EVE_OKTA, TENANT, OKTA, "eve@acme.example", "eve@acme.example", "deprovisioned", 8);
    invited(EVE_OKTA, TENANT, 1, 8);
    person(EVE_ENTRA, TENANT, ENTRA, "eve@acme.example", "eve@acme.example", "imported", 9);
    person(OTHER_ANN, OTHER_TENANT, OTHER_OKTA, "ann@acme.example", "ann@acme.example", "imported", 0);

    assertThat(Migrations.fromClasspath().apply(pool).await(60, TimeUnit.SECONDS)).isPositive();
  }

  @AfterAll
  static void tearDown() {
    pool.close().await();
    vertx.close().await();
    database.close();
  }

  @Test
  void rowsWithOneEmailBecomeOnePersonNamedByTheEarliestRow() throws Exception {
    assertThat(sql("SELECT count(*) FROM personnel WHERE tenant_id = $1", TENANT)).as("Ann, Bob, Cy twice, Dee, Eve")
        .isEqualTo("6");
    assertThat(personOf(ANN_ENTRA)).isEqualTo(ANN_OKTA.toString());
    assertThat(personOf(BOB_ENTRA)).isEqualTo(BOB_OKTA.toString());
    assertThat(personOf(EVE_ENTRA)).isEqualTo(EVE_OKTA.toString());
    assertThat(personOf(CY_ENTRA)).as("no e-mail: a person of their own").isEqualTo(CY_ENTRA.toString());
    assertThat(personOf(OTHER_ANN)).isEqualTo(OTHER_ANN.toString());
    assertThat(sql("SELECT match_key FROM personnel WHERE id = $1", ANN_OKTA)).isEqualTo("email:ann@acme.example");
    assertThat(sql("SELECT match_key FROM personnel WHERE id = $1", CY_OKTA)).isEqualTo("user:" + CY_OKTA);
    assertThat(sql("SELECT count(*) FROM person_identities")).isEqualTo("10");
  }

  @Test
  void aMergedPersonKeepsTheMostAdvancedStatusAndIsNotInvitedAgain() throws Exception {
    assertThat(row(ANN_OKTA)).isEqualTo("invited round 2 active");
    assertThat(sql("SELECT string_agg(round::text, ',' ORDER BY round) FROM invitations WHERE person_id = $1",
        ANN_OKTA)).as("both invitations kept, the survivor's own first").isEqualTo("1,2");
    assertThat(row(BOB_OKTA)).as("accepted through Okta, active through Entra").isEqualTo("active round 1 active");
    assertThat(row(EVE_OKTA)).as("never accepted: the next invitation is a new round")
        .isEqualTo("imported round 2 active");
    assertThat(sql("SELECT count(*) FROM invitations")).as("none lost, none added").isEqualTo("5");
  }

  @Test
  void historyIsUnitedAndTheMergeIsRecorded() throws Exception {
    assertThat(sql("SELECT string_agg(status, ',' ORDER BY id) FROM personnel_history WHERE person_id = $1",
        ANN_OKTA)).isEqualTo("imported,invited,imported,invited,invited");
    assertThat(sql("SELECT reason FROM personnel_history WHERE person_id = $1 ORDER BY id DESC LIMIT 1", ANN_OKTA))
        .isEqualTo("merged 2 SCIM users with the same e-mail into one person");
    assertThat(sql("SELECT count(*) FROM personnel_history WHERE person_id = $1", DEE)).isEqualTo("2");
  }

  @Test
  void identitiesSayWhichConnectionAndWhetherTheUserIsStillActive() throws Exception {
    assertThat(identity(BOB_OKTA)).isEqualTo(OKTA + " bob@acme.example inactive deleted");
    assertThat(identity(BOB_ENTRA)).isEqualTo(ENTRA + " BOB@acme.example active");
    assertThat(identity(EVE_OKTA)).isEqualTo(OKTA + " eve@acme.example inactive");
    assertThat(identity(DEE)).isEqualTo(OKTA + " dee@acme.example active");
  }

  @Test
  void unmergedPeopleStayAsTheyWere() throws Exception {
    assertThat(row(DEE)).isEqualTo("invited round 1 active");
    assertThat(row(CY_OKTA)).isEqualTo("imported round 1 active");
    assertThat(sql("SELECT created_at = $2 FROM personnel WHERE id = $1", DEE, T0.plusHours(7))).isEqualTo("true");
    assertThat(sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'personnel'"
        + " AND column_name = 'connection_id'")).isEqualTo("0");
  }

  private static String row(UUID personId) throws Exception {
    return sql("SELECT status || ' round ' || invite_round || CASE WHEN scim_active THEN ' active' ELSE ' inactive'"
        + " END FROM personnel WHERE id = $1", personId);
  }

  private static String personOf(UUID userId) throws Exception {
    return sql("SELECT person_id FROM person_identities WHERE user_id = $1", userId);
  }

  private static String identity(UUID userId) throws Exception {
    return sql("SELECT connection_id || ' ' || user_name || CASE WHEN active THEN ' active' ELSE ' inactive' END"
        + " || CASE WHEN deleted_at IS NOT NULL THEN ' deleted' ELSE '' END FROM person_identities"
        + " WHERE user_id = $1", userId);
  }

  private static void tenant(UUID tenantId, UUID... connections) throws Exception {
    sql("INSERT INTO tenants (id, name, scim_enabled) VALUES ($1, 'Acme', true)", tenantId);
    for (UUID connection : connections) {
      sql("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, status, token_generation,"
          + " token_fingerprint) VALUES ($1, $2, 'okta', 'c', 'C', 'enabled', 1, 'f')", connection, tenantId);
    }
  }

  /**
   * The SCIM user and the personnel row the old relay made of it, with its history; {@code hour} orders creation.
   * A deprovisioned row's user is inactive.
   */
  private static void person(UUID userId, UUID tenantId, UUID connectionId, String userName, String email,
      String status, int hour) throws Exception {
    OffsetDateTime at = T0.plusHours(hour);
    boolean active = !status.equals("deprovisioned");
    sql("INSERT INTO scim_users (id, tenant_id, connection_id, user_name, active, doc, version, created_at,"
        + " modified_at) VALUES ($1, $2, $3, $4, $5, '{}'::jsonb, 1, $6, $6)", userId, tenantId, connectionId,
        userName, active, at);
    sql("INSERT INTO personnel (user_id, tenant_id, connection_id, user_name, display_name, email, status,"
        + " scim_active, invited_at, deprovisioned_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $4, $5, $6, $7,"
        + " CASE WHEN $6 = 'invited' THEN $8 END, CASE WHEN $6 = 'deprovisioned' THEN $8 END, $8, $8)",
        userId, tenantId, connectionId, userName, email, status, active, at);
    history(userId, tenantId, "imported", at);
    if (!status.equals("imported")) {
      history(userId, tenantId, status, at.plusMinutes(1));
    }
  }

  private static void invited(UUID userId, UUID tenantId, int round, int hour) throws Exception {
    sql("INSERT INTO invitations (user_id, round, tenant_id, created_at) VALUES ($1, $2, $3, $4)", userId, round,
        tenantId, T0.plusHours(hour));
  }

  private static void history(UUID userId, UUID tenantId, String status, OffsetDateTime at) throws Exception {
    sql("INSERT INTO personnel_history (user_id, tenant_id, at, status, reason) VALUES ($1, $2, $3, $4, 'old')",
        userId, tenantId, at, status);
  }

  private static void deleteUser(UUID userId) throws Exception {
    sql("DELETE FROM scim_users WHERE id = $1", userId);
  }

  private static String sql(String query, Object... params) throws Exception {
    var rows = pool.preparedQuery(query).execute(Tuple.wrap(params)).await(10, TimeUnit.SECONDS);
    var it = rows.iterator();
    if (!it.hasNext()) {
      return null;
    }
    Object value = it.next().getValue(0);
    return value == null ? null : value.toString();
  }
}
