package io.scimgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.TestGateway;
import io.scimgate.persistence.Database;
import io.scimgate.persistence.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code scimgate migrate --status} and {@code migrate} as an operator runs them: a JVM of their own, exit codes. */
class MigrateCommandTest {
  private TestDatabase database;

  @BeforeEach
  void createDatabase() {
    database = TestDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void statusListsPendingThenAppliedThenChangedMigrations() throws Exception {
    Run fresh = scimgate("migrate", "--status");
    assertThat(fresh.exitCode()).as(fresh.output()).isEqualTo(3);
    assertThat(fresh.output()).contains("  pending  V001__core_tables.sql").contains("0 applied, ");

    Run migrate = scimgate("migrate");
    assertThat(migrate.exitCode()).as(migrate.output()).isZero();
    Run current = scimgate("migrate", "--status");
    assertThat(current.exitCode()).as(current.output()).isZero();
    assertThat(current.output()).contains("  applied  V001__core_tables.sql")
        .contains(" 0 pending, 0 changed, 0 unknown").doesNotContain("pending  V");

    sql("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3");
    sql("INSERT INTO schema_migrations (version, name, checksum)"
        + " VALUES (999, 'V999__from_a_newer_build.sql', 'x')");
    Run changed = scimgate("migrate", "--status");
    assertThat(changed.exitCode()).as(changed.output()).isEqualTo(4);
    assertThat(changed.output()).contains("  CHANGED  V003__connection_attribute_mappings.sql")
        .contains("  unknown  V999__from_a_newer_build.sql").contains("1 changed, 1 unknown")
        .contains("restore its file");
  }

  @Test
  void anUnknownOptionIsRefusedAndChangesNothing() throws Exception {
    Run refused = scimgate("migrate", "--dry-run");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output()).contains("migrate takes no option but --status");
    assertThat(scimgate("migrate", "--status").exitCode()).as("still nothing applied").isEqualTo(3);
  }

  private record Run(int exitCode, String output) {}

  private void sql(String statement) throws Exception {
    Vertx vertx = Vertx.vertx();
    Pool pool = Database.pool(vertx, database.url(), 1);
    try {
      pool.query(statement).execute().await(10, TimeUnit.SECONDS);
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Runs the gateway's command line on the test database, with the test classpath, as a separate process. */
  private Run scimgate(String... args) throws Exception {
    Path log = Files.createTempFile("scimgate-cli-", ".log");
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
          "io.scimgate.app.Main"));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(TestGateway.environment(database.url(), TestGateway.freePort(), Map.of()));
      Process process = builder.start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
      return new Run(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
