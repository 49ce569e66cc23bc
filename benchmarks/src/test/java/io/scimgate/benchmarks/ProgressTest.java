package io.scimgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aLineSaysHowFarWhatWasSpentAndWhatIsLeft() {
    assertThat(Progress.line("seeding user users", 120_000, 1_000_000, 14 * SECOND))
        .isEqualTo("seeding user users: 120,000 of 1,000,000 (12%), 14 s so far, about 1 min 42 s left");
    assertThat(Progress.line("seeding", 0, 10, 3 * SECOND)).isEqualTo("seeding: 0 of 10 (0%), 3 s so far");
    assertThat(Progress.line("seeding", 10, 10, 7_300 * SECOND))
        .isEqualTo("seeding: 10 of 10 (100%), 2 h 1 min so far");
  }

  @Test
  void itPrintsEveryFewSecondsWhileCountingAndOnceMoreAtTheEnd() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress progress = Progress.counting("seeding", 4, new PrintStream(bytes, true, StandardCharsets.UTF_8),
        Duration.ofMillis(20))) {
      progress.add(1);
      Thread.sleep(100);
      progress.add(3);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines.length).isGreaterThanOrEqualTo(3);
    assertThat(lines[0]).startsWith("seeding: 1 of 4 (25%)");
    assertThat(lines[lines.length - 1]).startsWith("seeding: 4 of 4 (100%)");
  }

  @Test
  void withNobodyWatchingItPrintsNothing() {
    try (Progress progress = Progress.counting("seeding", 4, null, Duration.ofMillis(1))) {
      progress.add(4);
    }
    assertThat(Progress.duration(59 * SECOND)).isEqualTo("59 s");
    assertThat(Progress.duration(185 * SECOND)).isEqualTo("3 min 5 s");
  }
}
