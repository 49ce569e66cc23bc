package io.scimgate.benchmarks.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a run's numbers depend on besides the code, recorded in every run's JSON so that a figure can always be
 * traced to the commit and the set-up that produced it. {@code run.sh} fills the environment variables.
 *
 * @param commit   {@code SCIMGATE_BENCH_COMMIT}: the short hash, with {@code -dirty} for uncommitted changes
 * @param pinning  {@code SCIMGATE_BENCH_PINNING}: which process ran on which CPU
 * @param postgres {@code SCIMGATE_BENCH_POSTGRES}: server version and {@code synchronous_commit}
 */
public record BenchEnvironment(String commit, String pinning, String postgres, String java, int cpus) {

  public static BenchEnvironment current() {
    return new BenchEnvironment(env("SCIMGATE_BENCH_COMMIT"), env("SCIMGATE_BENCH_PINNING"),
        env("SCIMGATE_BENCH_POSTGRES"), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
  }

  public void writeTo(ObjectNode node) {
    node.put("commit", commit).put("pinning", pinning).put("postgres", postgres).put("java", java)
        .put("cpusVisibleToClient", cpus);
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? "unknown" : value.strip();
  }
}
