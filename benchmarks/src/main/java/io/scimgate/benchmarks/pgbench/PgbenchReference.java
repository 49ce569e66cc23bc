package io.scimgate.benchmarks.pgbench;

import io.scimgate.benchmarks.GatewayClient;
import io.scimgate.benchmarks.load.CpuTimes;
import io.scimgate.benchmarks.load.OktaCreatePayload;
import io.scimgate.benchmarks.load.Options;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The second reference beside the ceiling server: pgbench runs the statements the ceiling server executes for a
 * workload, with no HTTP and no Java in the way, so ceiling / pgbench is what HTTP + Vert.x cost and gateway /
 * pgbench what the whole gateway costs over the bare statements.
 *
 * <p>Seeds what the load generator seeds for a ceiling run (same {@link GatewayClient} calls), numbers the seeded
 * rows for the scripts ({@link SeedNumbers}), writes the scripts to {@code benchmarks/target/pgbench/}, runs pgbench
 * for the warm-up, then for the measurement with per-statement latencies and the per-transaction log, and writes
 * {@code benchmarks/target/reports/<workload>-pgbench-<timestamp>.json}.
 *
 * <pre>
 * PgbenchReference &lt;okta-import|entra-cycle|deactivate|group-storm|mixed&gt; [--concurrency 64] [--seconds 30]
 *     [--warmup 15] [--users 20000] [--groups 4] [--group-members 10000]
 * </pre>
 * Environment: {@code SCIMGATE_DATABASE_URL}, a migrated, empty database (pgbench takes the same URL).
 */
public final class PgbenchReference {
  private static final Path SCRIPTS = Path.of("benchmarks", "target", "pgbench");
  private static final Path REPORTS = Path.of("benchmarks", "target", "reports");
  private static final String LOG_PREFIX = "transactions";

  private PgbenchReference() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (options.ceilingPort() > 0) {
      throw new IllegalArgumentException("--ceiling does not apply to pgbench");
    }
    String databaseUrl = GatewayClient.required("SCIMGATE_DATABASE_URL");
    UUID connection = seed(databaseUrl, options);
    List<PgbenchScript> scripts = PgbenchScripts.of(options.workload(), options.users(), options.groups());
    List<Path> files = new ArrayList<>();
    for (PgbenchScript script : scripts) {
      files.add(script.writeTo(SCRIPTS));
    }
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("conn", connection.toString());
    variables.put("doc", OktaCreatePayload.json("okta-pgbench@bench.local", 1));
    Pgbench pgbench = new Pgbench(databaseUrl, options.concurrency(), files, variables);
    if (options.warmup() > 0) {
      Pgbench.run(pgbench.command(options.warmup(), null), options.warmup());
    }
    deleteLogs();
    List<String> command = pgbench.command(options.seconds(), SCRIPTS.resolve(LOG_PREFIX));
    CpuTimes before = CpuTimes.now();
    String output = Pgbench.run(command, options.seconds());
    CpuTimes after = CpuTimes.now();
    Instant finished = Instant.now();
    System.out.print(output);
    PgbenchOutput parsed = PgbenchOutput.parse(output);
    // PostgreSQL's CPU per transaction: the database's share of an operation with no HTTP and no Java at all
    CpuTimes.Usage cpu = after.since(before, Math.round(parsed.tps() * options.seconds()));
    PgbenchReport report = new PgbenchReport(options, scripts, parsed, TransactionLog.read(logs()),
        Pgbench.printable(command), cpu);
    report.print();
    System.out.println("report: " + report.writeJson(REPORTS, finished));
  }

  /** The ceiling run's seed: connection, users, groups and their members inserted straight into PostgreSQL. */
  private static UUID seed(String databaseUrl, Options options) {
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(databaseUrl)).using(vertx).build();
    try {
      GatewayClient client = new GatewayClient("http://127.0.0.1", "none", db);
      GatewayClient.Connection connection = client.insertConnection("pgbench");
      List<UUID> users = client.seedUsers(connection, options.users(), "user");
      List<UUID> groups = new ArrayList<>();
      for (int g = 0; g < options.groups(); g++) {
        UUID group = client.insertGroup(connection, "Storm " + g);
        client.seedMembership(group, users.subList(0, Math.min(options.groupMembers(), users.size())));
        groups.add(group);
      }
      SeedNumbers.write(db, users, groups);
      return connection.connectionId();
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  /** pgbench names its log {@code <prefix>.<pid>}: logs of earlier runs must not count in this one. */
  private static List<Path> logs() throws IOException {
    if (!Files.isDirectory(SCRIPTS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      return files.filter(f -> f.getFileName().toString().startsWith(LOG_PREFIX + ".")).sorted().toList();
    }
  }

  private static void deleteLogs() throws IOException {
    for (Path log : logs()) {
      Files.delete(log);
    }
  }
}
