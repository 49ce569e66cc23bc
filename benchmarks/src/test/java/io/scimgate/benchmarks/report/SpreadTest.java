package io.scimgate.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
  @Test
  void medianOfAnOddAndAnEvenNumberOfRuns() {
    assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(2.0, 1.0, 3.0, 3));
    assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Spread(2.5, 1.0, 4.0, 4));
  }

  @Test
  void describesOneRunWithoutARange() {
    assertThat(Spread.of(List.of(1234.4)).describe()).isEqualTo("1,234");
    assertThat(Spread.of(List.of(10.0, 30.0)).describe()).isEqualTo("20.0 (10.0–30.0, 2 runs)");
    assertThat(Spread.of(List.of(5.0, 5.0)).describe()).isEqualTo("5.00 (2 runs)");
    assertThat(Spread.of(List.of()).describe()).isEqualTo("–");
  }
}
