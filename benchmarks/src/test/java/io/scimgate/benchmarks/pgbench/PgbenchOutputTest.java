package io.scimgate.benchmarks.pgbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Outputs of PostgreSQL 15's pgbench, as run by {@link Pgbench}. */
class PgbenchOutputTest {
  private static final String ONE_SCRIPT = """
      pgbench (15.20 (Debian 15.20-0+deb12u1))
      transaction type: benchmarks/target/pgbench/entra-cycle.sql
      scaling factor: 1
      query mode: prepared
      number of clients: 64
      number of threads: 1
      maximum number of tries: 1
      duration: 5 s
      number of transactions actually processed: 6528
      number of failed transactions: 0 (0.000%)
      latency average = 48.994 ms
      initial connection time = 1628.420 ms
      tps = 1305.589593 (without initial connection time)
      statement latencies in milliseconds and failures:
               0.001           0  \\set n random(0, 1999)
               0.001           0  \\set salt random(-2147483648, 2147483647)
              10.351           0  SELECT id AS user_id FROM scim_users
              31.661           0  UPDATE scim_users SET doc = doc || ('{"displayName":"User ' || :salt || '"}')::jsonb,
      """;

  private static final String TWO_SCRIPTS = """
      transaction type: multiple scripts
      number of transactions actually processed: 2800
      number of failed transactions: 3 (0.107%)
      latency average = 33.000 ms
      tps = 560.000000 (without initial connection time)
      SQL script 1: benchmarks/target/pgbench/deactivate.sql
       - weight: 1 (targets 50.0% of total)
       - 1391 transactions (49.7% of total, tps = 278.279373)
       - number of failed transactions: 0 (0.000%)
       - latency average = 50.928 ms
       - latency stddev = 90.781 ms
       - statement latencies in milliseconds and failures:
               0.001           0  \\set n random(0, 1999)
              33.818           0  UPDATE scim_users SET active = :active, version = version + 1, modified_at = now()
      SQL script 2: benchmarks/target/pgbench/group-storm.sql
       - weight: 1 (targets 50.0% of total)
       - 1409 transactions (50.3% of total, tps = 281.720627)
       - number of failed transactions: 3 (0.212%)
       - latency average = 26.161 ms
       - latency stddev = 51.927 ms
       - statement latencies in milliseconds and failures:
               0.000           0  \\set g random(0, 3)
              22.082           3  INSERT INTO scim_group_members (group_id, member_id, member_type)
               0.059           0  \\if :rename = 0
              36.054           0  UPDATE scim_groups SET display_name = 'Storm ' || :g
               0.000           0  \\endif
      """;

  @Test
  void readsTheRunAndTheSqlStatementsOfASingleScriptWithoutItsMetaCommands() {
    PgbenchOutput output = PgbenchOutput.parse(ONE_SCRIPT);

    assertThat(output.tps()).isEqualTo(1305.589593);
    assertThat(output.transactions()).isEqualTo(6528);
    assertThat(output.latencyAverageMs()).isEqualTo(48.994);
    assertThat(output.scripts()).singleElement().satisfies(script -> {
      assertThat(script.transactions()).isEqualTo(6528);
      assertThat(script.statements()).extracting(PgbenchOutput.Statement::avgMs).containsExactly(10.351, 31.661);
      assertThat(script.statements().get(0).firstLine()).isEqualTo("SELECT id AS user_id FROM scim_users");
    });
  }

  @Test
  void readsEachScriptOfSeveralWithItsOwnCountsAndFailures() {
    PgbenchOutput output = PgbenchOutput.parse(TWO_SCRIPTS);

    assertThat(output.failed()).isEqualTo(3);
    assertThat(output.scripts()).hasSize(2);
    assertThat(output.scripts().get(0).transactions()).isEqualTo(1391);
    assertThat(output.scripts().get(0).statements()).extracting(PgbenchOutput.Statement::avgMs)
        .containsExactly(33.818);
    assertThat(output.scripts().get(1).failed()).isEqualTo(3);
    assertThat(output.scripts().get(1).statements()).extracting(PgbenchOutput.Statement::failures)
        .containsExactly(3L, 0L);
  }

  @Test
  void refusesAnOutputWithoutStatementLatencies() {
    assertThatThrownBy(() -> PgbenchOutput.parse("tps = 12.5 (without initial connection time)\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("-r");
  }
}
