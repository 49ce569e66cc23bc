package io.scimgate.benchmarks.load;

import io.scimgate.benchmarks.GatewayClient;
import io.scimgate.benchmarks.Progress;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Drives a running gateway the way IdPs push: {@code concurrency} operations in flight at all times for
 * {@code warmup + seconds}, measuring only after the warm-up, then prints a table and writes a JSON report to
 * {@code benchmarks/target/reports/<workload>-<gateway|ceiling>-<timestamp>.json}.
 *
 * <pre>
 * LoadGenerator &lt;okta-import|entra-cycle|deactivate|group-storm|mixed&gt;[,&lt;workload&gt;...] [--concurrency 64]
 *     [--seconds 30] [--warmup 15] [--rewarm 5] [--users 20000] [--groups 4] [--group-members 10000]
 *     [--ceiling PORT]
 * </pre>
 * Several comma-separated workloads run one after the other on one seeded directory and one server process, each
 * with its own report; the JIT is warmed once (see {@link WorkloadSequence}).
 * Environment: {@code SCIMGATE_URL}, {@code SCIMGATE_ADMIN_TOKEN}, {@code SCIMGATE_DATABASE_URL} (for seeding),
 * {@code SCIMGATE_URLS} (several gateway nodes on one database: the load spreads over them, reported as
 * {@code <workload>-<n>nodes}), {@code SCIMGATE_BENCH_SERVER_PIDS} (whose CPU time to account), {@code
 * SCIMGATE_BENCH_RUN_DIR} (where the JSON goes instead of {@code benchmarks/target/reports}), {@code
 * SCIMGATE_BENCH_WINDOW_HOOK} (see {@link WindowHook}).
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    WorkloadSequence sequence = WorkloadSequence.parse(args);
    Options options = Options.parse(sequence.optionArgs());
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(GatewayClient.required("SCIMGATE_DATABASE_URL"))).using(vertx).build();
    try {
      GatewayClient client = new GatewayClient(System.getenv().getOrDefault("SCIMGATE_URL", "http://127.0.0.1:8080"),
          GatewayClient.required("SCIMGATE_ADMIN_TOKEN"), db);
      // against the ceiling server there is no admin API: the connection is inserted directly
      GatewayClient.Connection connection = options.ceilingPort() > 0
          ? client.insertConnection("http://127.0.0.1:" + options.ceilingPort()) : client.newConnection("okta");
      Workloads.Seed seed = seed(client, connection, options);
      WebClient web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(options.concurrency()));
      for (int i = 0; i < sequence.workloads().size(); i++) {
        measure(vertx, web, connection, seed, sequence.optionsOf(options, i), sequence.workloads().size() == 1);
        if (options.ceilingPort() == 0) {
          RelayBacklog.drain(db);
        }
      }
      web.close();
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  /** One workload's warm-up and measured window, its table printed and its JSON report written. */
  private static void measure(Vertx vertx, WebClient web, GatewayClient.Connection connection, Workloads.Seed seed,
      Options options, boolean alone) throws Exception {
    Recorder recorder = new Recorder();
    List<Workload> nodes = new ArrayList<>();
    for (String node : nodeUrls(connection)) {
      nodes.add(new Workloads(new Scim(web, recorder, node, connection.token()), seed).named(options.workload()));
    }
    Measured measured = run(vertx, nodes, recorder, options);
    Report report = new Report(options.labelled(label(options, nodes.size(), alone)), recorder, measured.nanos(),
        measured.cpu());
    report.print();
    Path json = report.writeJson(Path.of(System.getenv().getOrDefault("SCIMGATE_BENCH_RUN_DIR",
        "benchmarks/target/reports")), Instant.now());
    System.out.println("report: " + json);
  }

  private static Workloads.Seed seed(GatewayClient client, GatewayClient.Connection connection, Options options)
      throws Exception {
    List<UUID> users = client.seedUsers(connection, options.users(), "user");
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < options.groups(); g++) {
      String id = options.ceilingPort() > 0 ? client.insertGroup(connection, "Storm " + g).toString()
          : client.send(connection, "POST", "/Groups", "{\"displayName\":\"Storm " + g + "\"}", 201)
              .get("id").asText();
      client.seedMembership(UUID.fromString(id), users.subList(0, Math.min(options.groupMembers(), users.size())));
      groups.add(id);
    }
    return new Workloads.Seed(users, "user", groups);
  }

  /**
   * The workload's name in the report: {@code SCIMGATE_BENCH_LABEL} when set for a lone workload (the scale
   * mode's {@code <workload>@<size>}), else the workload, with {@code -<n>nodes} on several nodes.
   */
  private static String label(Options options, int nodes, boolean alone) {
    String label = System.getenv("SCIMGATE_BENCH_LABEL");
    if (alone && label != null && !label.isBlank()) {
      return label.strip();
    }
    return nodes == 1 ? options.workload() : options.workload() + "-" + nodes + "nodes";
  }

  /**
   * The connection's base URL on every gateway node of {@code SCIMGATE_URLS} (comma-separated roots; absent: the
   * one node): two nodes on one database serve the same connection.
   */
  private static List<String> nodeUrls(GatewayClient.Connection connection) {
    String urls = System.getenv("SCIMGATE_URLS");
    if (urls == null || urls.isBlank() || !urls.contains(",")) {
      return List.of(connection.baseUrl());
    }
    String path = URI.create(connection.baseUrl()).getPath();
    return Arrays.stream(urls.split(",")).map(root -> root.strip() + path).toList();
  }

  /** The measured window's length and the CPU each side used in it. */
  private record Measured(long nanos, CpuTimes.Usage cpu) {}

  /**
   * Runs the loops on the generator's one event loop, loop i on node i modulo the nodes. CPU snapshots and the
   * window hook run on worker threads ({@code /proc} reads and processes block) when measuring starts and ends.
   * Someone watching a terminal gets a progress line every few seconds (see {@link Progress#wanted()}).
   */
  private static Measured run(Vertx vertx, List<Workload> nodes, Recorder recorder, Options options)
      throws Exception {
    Promise<Long> done = Promise.promise();
    Promise<CpuTimes> cpuAtStart = Promise.promise();
    Promise<CpuTimes> cpuAtEnd = Promise.promise();
    vertx.runOnContext(start -> {
      long begin = System.nanoTime();
      long measureFrom = begin + TimeUnit.SECONDS.toNanos(options.warmup());
      long end = measureFrom + TimeUnit.SECONDS.toNanos(options.seconds());
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(measureFrom - begin)), t -> {
        recorder.startMeasuring();
        vertx.executeBlocking(CpuTimes::now).onComplete(cpuAtStart);
        vertx.executeBlocking(() -> WindowHook.run("start"), false);
      });
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - begin)), t -> {
        vertx.executeBlocking(CpuTimes::now).onComplete(cpuAtEnd);
        vertx.executeBlocking(() -> WindowHook.run("stop"), false);
      });
      if (Progress.wanted()) {
        long ticker = vertx.setPeriodic(Progress.EVERY.toMillis(), t -> System.out.println(LoadPhase.line(
            System.nanoTime() - begin, measureFrom - begin, end - begin, recorder.operations())));
        done.future().onComplete(finished -> vertx.cancelTimer(ticker));
      }
      int[] running = {options.concurrency()};
      for (int i = 0; i < options.concurrency(); i++) {
        loop(nodes.get(i % nodes.size()), recorder, new Random(i), end, () -> {
          if (--running[0] == 0) {
            done.complete(Math.min(System.nanoTime(), end) - measureFrom);
          }
        });
      }
    });
    long timeout = options.warmup() + options.seconds() + 120;
    long nanos = done.future().await(timeout, TimeUnit.SECONDS);
    CpuTimes first = cpuAtStart.future().await(timeout, TimeUnit.SECONDS);
    CpuTimes last = cpuAtEnd.future().await(timeout, TimeUnit.SECONDS);
    return new Measured(nanos, last.since(first, recorder.operations()));
  }

  private static void loop(Workload workload, Recorder recorder, Random random, long end, Runnable finished) {
    if (System.nanoTime() >= end) {
      finished.run();
      return;
    }
    workload.step(random).onComplete(step -> {
      recorder.operation();
      loop(workload, recorder, random, end, finished);
    });
  }
}
