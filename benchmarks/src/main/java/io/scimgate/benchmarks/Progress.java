package io.scimgate.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A progress line every few seconds for long set-up work (seeding a million users takes minutes), for someone
 * watching a terminal: printed when stdout is a console or {@code SCIMGATE_BENCH_PROGRESS=1}, never with
 * {@code SCIMGATE_BENCH_PROGRESS=0}; CI logs (stdout a pipe) stay quiet. A daemon thread prints, so progress
 * shows even while the caller blocks on one long statement.
 */
public final class Progress implements AutoCloseable {
  public static final Duration EVERY = Duration.ofSeconds(2);
  static final String SWITCH = "SCIMGATE_BENCH_PROGRESS";

  private final String what;
  private final long total;
  private final long startNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final PrintStream out;
  private final ScheduledExecutorService ticker;

  private Progress(String what, long total, PrintStream out, Duration every) {
    this.what = what;
    this.total = total;
    this.out = out;
    this.ticker = out == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "benchmark-progress");
      thread.setDaemon(true);
      return thread;
    });
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Counts {@code total} units of {@code what} ("seeding users"), printing only when {@link #wanted()}. */
  public static Progress counting(String what, long total) {
    return new Progress(what, total, wanted() ? System.out : null, EVERY);
  }

  /** The same, printing to {@code out} every {@code every} (for tests); {@code out} null prints nothing. */
  static Progress counting(String what, long total, PrintStream out, Duration every) {
    return new Progress(what, total, out, every);
  }

  /** Whether anyone reads progress lines: a console, or the {@value #SWITCH} override (1 or 0). */
  public static boolean wanted() {
    String override = System.getenv(SWITCH);
    if ("1".equals(override) || "0".equals(override)) {
      return "1".equals(override);
    }
    return System.console() != null;
  }

  public void add(long units) {
    done.addAndGet(units);
  }

  /** Stops the ticker and prints the final line (when printing at all). */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      print();
    }
  }

  private void print() {
    out.println(line(what, done.get(), total, System.nanoTime() - startNanos));
  }

  /** {@code seeding users: 120,000 of 1,000,000 (12%), 14 s so far, about 1 min 43 s left}. */
  static String line(String what, long done, long total, long elapsedNanos) {
    long percent = total == 0 ? 100 : done * 100 / total;
    String left = done == 0 || done >= total ? "" : ", about "
        + duration((long) ((double) elapsedNanos / done * (total - done))) + " left";
    return String.format(Locale.ROOT, "%s: %,d of %,d (%d%%), %s so far%s", what, done, total, percent,
        duration(elapsedNanos), left);
  }

  /** {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 7 min}. */
  public static String duration(long nanos) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
