package io.scimgate.benchmarks.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (user + system, all threads) consumed so far by the server under test, by every PostgreSQL process and
 * by this load generator, read from {@code /proc}. Two snapshots around the measured window give CPU milliseconds
 * per IdP operation on each side: the first answer to "where does the time go" when the gateway and PostgreSQL
 * share one core (a gateway at half the ceiling's rate usually spends twice its CPU per operation, and this says on
 * which side of the socket).
 *
 * <p>Reading {@code /proc} is blocking file I/O: take snapshots off the event loop. Where {@code /proc} is absent
 * (not Linux) every figure is {@code NaN} and the report shows a dash.
 *
 * @param serverTicks   the server's processes ({@code SCIMGATE_BENCH_SERVER_PIDS}, comma-separated)
 * @param postgresTicks every process named {@code postgres} (the postmaster and all backends of all databases:
 *                      on a benchmark machine nothing else is busy)
 */
public record CpuTimes(long serverTicks, long postgresTicks, long clientTicks, long wallNanos) {
  /** Linux reports process times in clock ticks of 1/100 s on every architecture we run on (USER_HZ). */
  private static final double MILLIS_PER_TICK = 10.0;
  private static final Path PROC = Path.of("/proc");

  public static CpuTimes now() {
    return new CpuTimes(sum(serverPids()), allPostgresTicks(), ticks(ProcessHandle.current().pid()), System.nanoTime());
  }

  /** The CPU each side used between {@code start} and this snapshot, per operation and in cores. */
  public Usage since(CpuTimes start, long operations) {
    double seconds = (wallNanos - start.wallNanos) / 1e9;
    // no server (pgbench): NaN rather than a misleading zero
    long serverUsed = start.serverTicks < 0 ? -1 : serverTicks - start.serverTicks;
    return new Usage(side(serverUsed, operations, seconds),
        side(postgresTicks - start.postgresTicks, operations, seconds),
        side(clientTicks - start.clientTicks, operations, seconds));
  }

  /** CPU of the server, PostgreSQL and the client over the measured window. */
  public record Usage(Side server, Side postgres, Side client) {
    /** As every run's JSON has it: {@code {"server": {"msPerOperation": …, "cores": …}, "postgres": …}}. */
    public void writeTo(ObjectNode cpu) {
      server.writeTo(cpu.putObject("server"));
      postgres.writeTo(cpu.putObject("postgres"));
      client.writeTo(cpu.putObject("client"));
    }
  }

  /**
   * @param msPerOperation CPU milliseconds per IdP operation
   * @param cores          CPU seconds per wall-clock second (1.0 = one core kept busy)
   */
  public record Side(double msPerOperation, double cores) {
    void writeTo(ObjectNode node) {
      node.put("msPerOperation", msPerOperation).put("cores", cores);
    }
  }

  private static Side side(long ticks, long operations, double seconds) {
    if (ticks < 0 || operations == 0 || seconds <= 0 || !Files.isDirectory(PROC)) {
      return new Side(Double.NaN, Double.NaN);
    }
    double millis = ticks * MILLIS_PER_TICK;
    return new Side(millis / operations, millis / 1000 / seconds);
  }

  private static List<Long> serverPids() {
    String pids = System.getenv("SCIMGATE_BENCH_SERVER_PIDS");
    if (pids == null || pids.isBlank()) {
      return List.of();
    }
    return Arrays.stream(pids.split(",")).map(String::strip).filter(p -> !p.isEmpty()).map(Long::valueOf).toList();
  }

  /** -1 when there is no server to account (pgbench runs without one). */
  private static long sum(List<Long> pids) {
    return pids.isEmpty() ? -1 : pids.stream().mapToLong(CpuTimes::ticks).sum();
  }

  /**
   * PostgreSQL backends come and go with connections (pgbench's connect after the first snapshot and are gone
   * before the second): the postmaster reaps them, and their time moves to its children's times, so counting
   * those too (cutime, cstime) loses nothing.
   */
  private static long allPostgresTicks() {
    if (!Files.isDirectory(PROC)) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(PROC)) {
      return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(CpuTimes::isPostgres).mapToLong(p -> ticksWithReapedChildren(Long.parseLong(p.getFileName()
              .toString()))).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean isPostgres(Path process) {
    try {
      return Files.readString(process.resolve("comm")).strip().equals("postgres");
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }

  /** utime + stime of {@code /proc/<pid>/stat} (fields 14 and 15). */
  private static long ticks(long pid) {
    long[] times = times(pid);
    return times[0] + times[1];
  }

  /** utime + stime + cutime + cstime (fields 14 to 17): the process and its children that have exited. */
  private static long ticksWithReapedChildren(long pid) {
    long[] times = times(pid);
    return times[0] + times[1] + times[2] + times[3];
  }

  /** Fields 14 to 17 of {@code /proc/<pid>/stat}, zeros for a process that is gone. */
  private static long[] times(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      // the command name in parentheses may contain spaces: count fields after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
          Long.parseLong(fields[14])};
    } catch (IOException | RuntimeException gone) {
      return new long[4];
    }
  }
}
