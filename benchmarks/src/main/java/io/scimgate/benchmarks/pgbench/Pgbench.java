package io.scimgate.benchmarks.pgbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One pgbench run over the scripts, as the load generator runs: {@code concurrency} clients (connections) on one
 * thread, pinned to CPU 0 like the load generator, prepared statements (the ceiling's client caches its prepared
 * statements too), no vacuum of pgbench's own tables (there are none).
 *
 * @param variables strings for {@code -D}: pgbench's {@code \set} makes only numbers
 */
record Pgbench(String databaseUrl, int concurrency, List<Path> scripts, Map<String, String> variables) {
  private static final String CPU = "0";

  /** The command of a run of {@code seconds}; with {@code log} (a file prefix) also {@code -r} and {@code -l}. */
  List<String> command(int seconds, Path log) {
    List<String> command = new ArrayList<>(List.of("taskset", "-c", CPU, "pgbench", "-n", "-M", "prepared",
        "-c", Integer.toString(concurrency), "-j", "1", "-T", Integer.toString(seconds)));
    if (log != null) {
      command.addAll(List.of("-r", "-l", "--log-prefix=" + log));
    }
    variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
    // equal weights: for mixed, pgbench draws one of the scripts at random per transaction
    scripts.forEach(script -> command.addAll(List.of("-f", script + "@1")));
    command.add(databaseUrl);
    return command;
  }

  /** Runs the command and returns what it printed; a failed or aborted run (exit status not 0) throws. */
  static String run(List<String> command, int seconds) throws IOException, InterruptedException {
    System.out.println("$ " + printable(command));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // read before waiting: pgbench blocks on a full pipe
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(seconds + 300L, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("pgbench did not finish:\n" + output);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("pgbench exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }

  /** The command with long {@code -D} values (the 1 KB document) cut short, for the console and the report. */
  static String printable(List<String> command) {
    return String.join(" ", command.stream()
        .map(arg -> arg.length() > 80 ? arg.substring(0, 40) + "...(" + arg.length() + " chars)" : arg).toList());
  }
}
