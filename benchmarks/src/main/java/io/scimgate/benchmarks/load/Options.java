package io.scimgate.benchmarks.load;

/** Command-line options of the load generator, shared by the pgbench reference (which has no {@code --ceiling}). */
public record Options(String workload, int concurrency, int seconds, int warmup, int users, int groups,
    int groupMembers, int ceilingPort) {

  /** The same options under another workload label (for the report of a run on several nodes). */
  Options labelled(String label) {
    return new Options(label, concurrency, seconds, warmup, users, groups, groupMembers, ceilingPort);
  }

  /** The same options with another warm-up (a later workload of a {@link WorkloadSequence}). */
  Options withWarmup(int seconds) {
    return new Options(workload, concurrency, this.seconds, seconds, users, groups, groupMembers, ceilingPort);
  }

  public static Options parse(String[] args) {
    if (args.length == 0 || !Workloads.NAMES.contains(args[0])) {
      throw new IllegalArgumentException("usage: LoadGenerator|PgbenchReference <"
          + String.join("|", Workloads.NAMES) + "> [--concurrency 64] [--seconds 30] [--warmup 15] [--users 20000] "
          + "[--groups 4] [--group-members 10000] [--ceiling PORT]");
    }
    Options options = new Options(args[0], 64, 30, 15, 20_000, 4, 10_000, 0);
    for (int i = 1; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      options = switch (args[i]) {
        case "--concurrency" -> new Options(options.workload, value, options.seconds, options.warmup, options.users,
            options.groups, options.groupMembers, options.ceilingPort);
        case "--seconds" -> new Options(options.workload, options.concurrency, value, options.warmup, options.users,
            options.groups, options.groupMembers, options.ceilingPort);
        case "--warmup" -> new Options(options.workload, options.concurrency, options.seconds, value, options.users,
            options.groups, options.groupMembers, options.ceilingPort);
        case "--users" -> new Options(options.workload, options.concurrency, options.seconds, options.warmup, value,
            options.groups, options.groupMembers, options.ceilingPort);
        case "--groups" -> new Options(options.workload, options.concurrency, options.seconds, options.warmup,
            options.users, value, options.groupMembers, options.ceilingPort);
        case "--group-members" -> new Options(options.workload, options.concurrency, options.seconds, options.warmup,
            options.users, options.groups, value, options.ceilingPort);
        case "--ceiling" -> new Options(options.workload, options.concurrency, options.seconds, options.warmup,
            options.users, options.groups, options.groupMembers, value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      };
    }
    return options;
  }
}
