package io.scimgate.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimgate.persistence.Database;
import io.scimgate.persistence.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  private TestDatabase database;
  private Vertx vertx;
  private Pool pool;

  @BeforeEach
  void setUp() {
    database = TestDatabase.create();
    vertx = Vertx.vertx();
    pool = Database.pool(vertx, database.url(), 4);
  }

  @AfterEach
  void tearDown() {
    pool.close().await();
    vertx.close().await();
    database.close();
  }

  @Test
  void appliesEveryMigrationOnceAndIsIdempotent() throws Exception {
    Migrations migrations = Migrations.fromClasspath();
    assertThat(migrations.apply(pool).await(30, TimeUnit.SECONDS)).isEqualTo(migrations.all().size());
    assertThat(migrations.apply(pool).await(30, TimeUnit.SECONDS)).isZero();
    assertThat(tables()).contains("tenants", "connections", "scim_users", "scim_groups", "scim_group_members",
        "audit_log", "schema_migrations");
  }

  @Test
  void twoNodesStartingAtOnceDoNotRace() throws Exception {
    Migrations migrations = Migrations.fromClasspath();
    List<Future<Integer>> runs = new ArrayList<>();
    for (int node = 0; node < 4; node++) {
      Pool nodePool = Database.pool(vertx, database.url(), 1);
      runs.add(migrations.apply(nodePool).eventually(nodePool::close));
    }
    Future.all(runs).await(60, TimeUnit.SECONDS);
    int applied = runs.stream().mapToInt(Future::result).sum();
    assertThat(applied).as("each migration applied by exactly one node").isEqualTo(migrations.all().size());
    long rows = pool.query("SELECT count(*) FROM schema_migrations").execute().await().iterator().next().getLong(0);
    assertThat(rows).isEqualTo(migrations.all().size());
  }

  @Test
  void refusesToStartWhenAnAppliedMigrationWasEdited() throws Exception {
    Migrations.fromClasspath().apply(pool).await(30, TimeUnit.SECONDS);
    pool.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").execute().await();
    assertThatThrownBy(() -> Migrations.fromClasspath().apply(pool).await(30, TimeUnit.SECONDS))
        .hasMessageContaining("was changed after it was applied");
  }

  @Test
  void statusOfANeverMigratedDatabaseIsAllPendingAndCreatesNothing() throws Exception {
    Migrations migrations = Migrations.fromClasspath();
    MigrationStatus status = migrations.status(pool).await(30, TimeUnit.SECONDS);
    assertThat(status.pending()).isEqualTo(migrations.all());
    assertThat(status.applied()).isEmpty();
    assertThat(status.upToDate()).isFalse();
    assertThat(tables()).as("a status only reads").doesNotContain("schema_migrations");
  }

  @Test
  void statusTellsAppliedPendingChangedAndUnknownApart() throws Exception {
    Migrations migrations = Migrations.fromClasspath();
    migrations.apply(pool).await(30, TimeUnit.SECONDS);
    MigrationStatus current = migrations.status(pool).await(30, TimeUnit.SECONDS);
    assertThat(current.upToDate()).isTrue();
    assertThat(current.applied()).extracting(MigrationStatus.Applied::name)
        .containsExactlyElementsOf(migrations.all().stream().map(Migration::name).toList());

    int last = migrations.all().get(migrations.all().size() - 1).version();
    pool.query("DELETE FROM schema_migrations WHERE version = " + last).execute().await();
    pool.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2").execute().await();
    pool.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'V999__from_a_newer_build.sql',"
        + " 'x')").execute().await();
    MigrationStatus status = migrations.status(pool).await(30, TimeUnit.SECONDS);
    assertThat(status.pending()).extracting(Migration::version).containsExactly(last);
    assertThat(status.changed()).extracting(MigrationStatus.Applied::version).containsExactly(2);
    assertThat(status.unknown()).extracting(MigrationStatus.Applied::name)
        .containsExactly("V999__from_a_newer_build.sql");
    assertThat(status.applied()).hasSize(migrations.all().size() - 2);
    assertThat(status.upToDate()).isFalse();
  }

  private List<String> tables() throws Exception {
    List<String> names = new ArrayList<>();
    for (Row row : pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").execute()
        .await(10, TimeUnit.SECONDS)) {
      names.add(row.getString(0));
    }
    return names;
  }
}
