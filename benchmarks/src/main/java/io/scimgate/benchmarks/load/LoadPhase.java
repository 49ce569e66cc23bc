package io.scimgate.benchmarks.load;

import io.scimgate.benchmarks.Progress;
import java.util.Locale;

/** The load generator's progress line: where the run is (warm-up or measuring) and what it counted so far. */
final class LoadPhase {
  private LoadPhase() {}

  /**
   * {@code warm-up: 12 s of 45 s (then 15 s measured), about 48 s left} or {@code measuring: 5 s of 15 s, 12,345
   * operations, about 10 s left}; times are nanoseconds since the run began.
   */
  static String line(long elapsed, long measureFrom, long end, long operations) {
    String left = ", about " + Progress.duration(Math.max(0, end - elapsed)) + " left";
    if (elapsed < measureFrom) {
      return "warm-up: " + Progress.duration(elapsed) + " of " + Progress.duration(measureFrom) + " (then "
          + Progress.duration(end - measureFrom) + " measured)" + left;
    }
    return String.format(Locale.ROOT, "measuring: %s of %s, %,d operations%s",
        Progress.duration(Math.min(elapsed, end) - measureFrom), Progress.duration(end - measureFrom), operations,
        left);
  }
}
