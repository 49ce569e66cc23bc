package io.scimgate.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the report shows, as read from one directory.
 *
 * @param profiles where the gateway's CPU time went, one per profiled run ({@code PROFILE=1})
 * @param skipped  files that were not understood, with the reason, so that the page can say so
 */
record Results(List<LoadRun> runs, List<JmhResult> jmh, List<Profile> profiles, List<String> skipped) {

  /** Runs by workload, workloads in name order, runs in file (that is, time) order. */
  Map<String, List<LoadRun>> byWorkload() {
    Map<String, List<LoadRun>> workloads = new TreeMap<>();
    runs.forEach(run -> workloads.computeIfAbsent(run.workload(), w -> new ArrayList<>()).add(run));
    return workloads;
  }

  /** The commits the load runs measured, in order of first appearance. */
  List<String> commits() {
    return runs.stream().map(LoadRun::commit).distinct().toList();
  }

  static List<LoadRun> of(List<LoadRun> runs, String target) {
    return runs.stream().filter(run -> run.target().equals(target)).toList();
  }
}
