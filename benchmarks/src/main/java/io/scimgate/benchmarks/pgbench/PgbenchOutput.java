package io.scimgate.benchmarks.pgbench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary pgbench prints at the end of a run with {@code -r}, as PostgreSQL 15's pgbench words it (14's and
 * older's "excluding connections establishing" too): the run's transactions per second without the initial
 * connection time, and per script its transactions, failures and per-statement average latencies.
 *
 * @param scripts in the order of the {@code -f} options; one for a single script
 */
record PgbenchOutput(double tps, long transactions, long failed, double latencyAverageMs, List<Script> scripts) {

  /** One script's share of the run; {@code statements} are its SQL commands only, meta-commands left out. */
  record Script(long transactions, long failed, List<Statement> statements) {}

  /** pgbench's average latency of one SQL command over its executions, and how many of them failed. */
  record Statement(double avgMs, long failures, String firstLine) {}

  private static final Pattern TPS = Pattern.compile(
      "^tps = ([\\d.]+) \\((?:without initial connection time|excluding connections establishing)\\)");
  private static final Pattern TRANSACTIONS = Pattern.compile("^number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("^number of failed transactions: (\\d+)");
  private static final Pattern LATENCY = Pattern.compile("^latency average = ([\\d.]+) ms");
  private static final Pattern SCRIPT = Pattern.compile("^SQL script \\d+: ");
  private static final Pattern SCRIPT_TRANSACTIONS = Pattern.compile("^ - (\\d+) transactions \\(");
  private static final Pattern SCRIPT_FAILED = Pattern.compile("^ - number of failed transactions: (\\d+)");
  private static final Pattern STATEMENTS = Pattern.compile("statement latencies in milliseconds");
  /** Latency, then (pgbench 15) failures, then the command's first line. */
  private static final Pattern STATEMENT = Pattern.compile("^\\s+(\\d+\\.\\d+)\\s+(?:(\\d+)\\s+)?(\\S.*)$");

  static PgbenchOutput parse(String text) {
    double tps = Double.NaN;
    double latency = Double.NaN;
    long transactions = 0;
    long failed = 0;
    List<Script> scripts = new ArrayList<>();
    long[] script = null; // transactions and failures of the script being read
    List<Statement> statements = null;
    for (String line : text.split("\n")) {
      Matcher m;
      if ((m = TPS.matcher(line)).find()) {
        tps = Double.parseDouble(m.group(1));
      } else if ((m = TRANSACTIONS.matcher(line)).find()) {
        transactions = Long.parseLong(m.group(1));
      } else if ((m = FAILED.matcher(line)).find()) {
        failed = Long.parseLong(m.group(1));
      } else if ((m = LATENCY.matcher(line)).find()) {
        latency = Double.parseDouble(m.group(1));
      } else if (SCRIPT.matcher(line).find()) {
        script = new long[2];
        statements = null;
      } else if (script != null && (m = SCRIPT_TRANSACTIONS.matcher(line)).find()) {
        script[0] = Long.parseLong(m.group(1));
      } else if (script != null && (m = SCRIPT_FAILED.matcher(line)).find()) {
        script[1] = Long.parseLong(m.group(1));
      } else if (STATEMENTS.matcher(line).find()) {
        // a single script has no "SQL script" heading: the run's own counts are the script's
        long[] counts = script != null ? script : new long[] {transactions, failed};
        statements = new ArrayList<>();
        scripts.add(new Script(counts[0], counts[1], statements));
      } else if (statements != null && (m = STATEMENT.matcher(line)).find() && !m.group(3).startsWith("\\")) {
        statements.add(new Statement(Double.parseDouble(m.group(1)),
            m.group(2) == null ? 0 : Long.parseLong(m.group(2)), m.group(3).strip()));
      }
    }
    if (Double.isNaN(tps) || scripts.isEmpty()) {
      throw new IllegalStateException("pgbench printed no tps or no statement latencies (was -r given?):\n" + text);
    }
    return new PgbenchOutput(tps, transactions, failed, latency, scripts);
  }
}
