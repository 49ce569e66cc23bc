package io.scimgate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadPhaseTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void warmUpThenMeasuringWithWhatIsLeft() {
    assertThat(LoadPhase.line(12 * SECOND, 45 * SECOND, 60 * SECOND, 0))
        .isEqualTo("warm-up: 12 s of 45 s (then 15 s measured), about 48 s left");
    assertThat(LoadPhase.line(50 * SECOND, 45 * SECOND, 60 * SECOND, 12_345))
        .isEqualTo("measuring: 5 s of 15 s, 12,345 operations, about 10 s left");
    assertThat(LoadPhase.line(61 * SECOND, 45 * SECOND, 60 * SECOND, 20_000))
        .isEqualTo("measuring: 15 s of 15 s, 20,000 operations, about 0 s left");
  }
}
