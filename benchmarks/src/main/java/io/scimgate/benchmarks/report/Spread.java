package io.scimgate.benchmarks.report;

import java.util.Collection;

/**
 * Median, minimum and maximum of one number over repeated runs. The median rather than the mean: one run
 * disturbed by the machine should not move the headline figure; min–max shows how far runs disagreed.
 */
record Spread(double median, double min, double max, int runs) {
  static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

  static Spread of(Collection<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted()
        .toArray();
    if (sorted.length == 0) {
      return NONE;
    }
    int mid = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
  }

  boolean present() {
    return runs > 0;
  }

  /** "1,234" for one run, "1,234 (1,100–1,300, 3 runs)" for several. */
  String describe() {
    if (runs == 0) {
      return "–";
    }
    String median = Html.num(this.median);
    if (runs == 1) {
      return median;
    }
    String range = Html.num(min).equals(Html.num(max)) ? "" : Html.num(min) + "–" + Html.num(max) + ", ";
    return median + " (" + range + runs + " runs)";
  }
}
