package io.scimgate.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Several workloads measured one after the other against one server process: {@code okta-import,deactivate,...}
 * as the load generator's first argument. The server's JIT is warmed once, by the first workload's
 * {@code --warmup}; each later workload gets {@code --rewarm} seconds (default 5) of its own load before its
 * measured window, enough for the pool, the batchers and the caches to reach the new workload's steady state, far
 * less than the 45 s a cold JVM sharing its core with PostgreSQL needs, provided the first workload took the
 * later ones' code paths (mixed, the blend of the four, does). All of them act on one seeded directory, so the
 * order matters: okta-import, which adds the most users, is best put last.
 *
 * @param optionArgs the arguments {@link Options#parse} takes, with the first workload in front and no
 *                   {@code --rewarm}
 */
record WorkloadSequence(List<String> workloads, int rewarm, String[] optionArgs) {
  static final int DEFAULT_REWARM_SECONDS = 5;

  static WorkloadSequence parse(String[] args) {
    if (args.length == 0) {
      return new WorkloadSequence(List.of(), DEFAULT_REWARM_SECONDS, args);
    }
    List<String> workloads = List.of(args[0].split(","));
    List<String> rest = new ArrayList<>(List.of(workloads.get(0)));
    int rewarm = DEFAULT_REWARM_SECONDS;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--rewarm") && i + 1 < args.length) {
        rewarm = Integer.parseInt(args[++i]);
      } else {
        rest.add(args[i]);
      }
    }
    return new WorkloadSequence(workloads, rewarm, rest.toArray(String[]::new));
  }

  /** The options of the workload at {@code index}: the first warms the JVM, the others only re-warm. */
  Options optionsOf(Options first, int index) {
    Options named = first.labelled(workloads.get(index));
    return index == 0 ? named : named.withWarmup(rewarm);
  }
}
