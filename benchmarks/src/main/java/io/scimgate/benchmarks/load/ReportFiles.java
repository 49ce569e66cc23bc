package io.scimgate.benchmarks.load;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one naming scheme of result files, {@code <label>-<kind>-<yyyyMMdd'T'HHmmss'Z'>.json} (kind: gateway,
 * ceiling, pgbench, profile): one file per run, so that repeated runs accumulate and sort by label, kind, time.
 */
public final class ReportFiles {
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private ReportFiles() {}

  public static String name(String label, String kind, Instant at) {
    return label + "-" + kind + "-" + FILE_TIME.format(at) + ".json";
  }
}
