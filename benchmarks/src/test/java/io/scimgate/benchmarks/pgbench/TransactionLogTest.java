package io.scimgate.benchmarks.pgbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionLogTest {
  @TempDir
  Path dir;

  @Test
  void histogramsTheLatencyOfEveryTransactionPerScriptAndSkipsThoseWithoutOne() throws IOException {
    Path log = Files.writeString(dir.resolve("transactions.123"), """
        0 1 1500 0 1795927712 68868
        1 1 2500 0 1795927712 70133
        2 1 90000 1 1795927712 74170
        3 1 failed 1 1795927712 74171
        """);

    Map<Integer, Histogram> byScript = TransactionLog.read(List.of(log));

    assertThat(byScript).containsOnlyKeys(0, 1);
    assertThat(byScript.get(0).getTotalCount()).isEqualTo(2);
    assertThat(byScript.get(0).getMean()).isCloseTo(2000.0, within(2.0)); // to 3 significant digits
    assertThat(byScript.get(1).getTotalCount()).isEqualTo(1);
    assertThat(byScript.get(1).getMaxValue()).isCloseTo(90_000L, within(100L));
  }
}
