package io.scimgate.benchmarks.load;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An executable run with {@code start} when the measured window opens and {@code stop} when it closes
 * ({@code SCIMGATE_BENCH_WINDOW_HOOK}; {@code run.sh} sets it with {@code PROFILE=1} to attach the profiler to the
 * gateway for exactly the window). It blocks for as long as the hook runs: call it off the event loop.
 */
final class WindowHook {
  private WindowHook() {}

  static Void run(String phase) {
    String hook = System.getenv("SCIMGATE_BENCH_WINDOW_HOOK");
    if (hook == null || hook.isBlank()) {
      return null;
    }
    try {
      Process process = new ProcessBuilder(List.of(hook, phase)).inheritIO().start();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        System.err.println("window hook " + hook + " " + phase + " failed");
      }
    } catch (IOException e) {
      System.err.println("window hook " + hook + " " + phase + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }
}
