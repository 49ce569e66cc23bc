package io.scimgate.benchmarks.pgbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * pgbench's per-transaction log ({@code -l}): a line per transaction,
 * {@code client_id transaction_no time script_no time_epoch time_us}, {@code time} being the transaction's latency
 * in microseconds ({@code failed} or {@code skipped} instead when it has none). pgbench itself prints only
 * averages; the percentiles that make its runs comparable with the load generator's come from here.
 */
final class TransactionLog {
  private TransactionLog() {}

  /** Latency histograms in microseconds, keyed by script number (0 for the first {@code -f}). */
  static Map<Integer, Histogram> read(List<Path> files) throws IOException {
    Map<Integer, Histogram> byScript = new TreeMap<>();
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length < 4 || !fields[2].chars().allMatch(Character::isDigit)) {
            continue;
          }
          byScript.computeIfAbsent(Integer.parseInt(fields[3]), s -> new Histogram(3_600_000_000L, 3))
              .recordValue(Long.parseLong(fields[2]));
        }
      }
    }
    return byScript;
  }
}
