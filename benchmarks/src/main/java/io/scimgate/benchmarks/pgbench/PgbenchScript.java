package io.scimgate.benchmarks.pgbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One pgbench custom script: one pgbench transaction is one IdP operation of {@code workload}.
 *
 * @param kinds the load generator's request kinds, one per SQL statement in script order: pgbench's
 *              per-statement latencies ({@code -r}) are matched to them by position, so that the report puts
 *              "lookup userName" of pgbench beside "lookup userName" of the gateway and the ceiling
 */
record PgbenchScript(String workload, String text, List<String> kinds) {

  /** Writes {@code <workload>.sql} into {@code directory}; the path pgbench is given. */
  Path writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    return Files.writeString(directory.resolve(workload + ".sql"), text);
  }
}
