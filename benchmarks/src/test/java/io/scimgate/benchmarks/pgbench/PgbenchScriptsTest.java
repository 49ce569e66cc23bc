package io.scimgate.benchmarks.pgbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PgbenchScriptsTest {
  @Test
  void mixedIsTheFourWorkloadsScripts() {
    assertThat(PgbenchScripts.of("mixed", 100, 2)).extracting(PgbenchScript::workload)
        .containsExactlyElementsOf(PgbenchScripts.WORKLOADS);
  }

  /** pgbench's per-statement latencies are matched to the kinds by position: one kind per SQL statement. */
  @Test
  void namesEverySqlStatementOfEveryScript() {
    for (PgbenchScript script : PgbenchScripts.of("mixed", 100, 2)) {
      long statements = Arrays.stream(script.text().split("\n"))
          .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.startsWith("\\")
              && !line.startsWith("--"))
          .count();
      assertThat(statements).as(script.workload()).isEqualTo(script.kinds().size());
    }
  }

  @Test
  void drawsSeededUsersAndGroupsByTheirNumbers() {
    assertThat(PgbenchScripts.of("group-storm", 20_000, 4).get(0).text())
        .contains("\\set g random(0, 3)", "\\set n random(0, 19999)", "FROM bench_seed_users WHERE n = :n");
  }
}
