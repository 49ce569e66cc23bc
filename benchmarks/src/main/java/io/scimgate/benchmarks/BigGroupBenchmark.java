package io.scimgate.benchmarks;

import io.scimgate.benchmarks.load.CpuTimes;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code GET /Groups/{id}} of one big group, over HTTP against a running gateway: the time to the answer's head and
 * to its last byte, and the gateway's peak resident memory ({@code VmHWM} of {@code /proc/<pid>/status}) before the
 * first read and after the last. Members are seeded straight into PostgreSQL (users first, then the membership
 * rows). Run it twice to compare: as configured (members streamed, {@code SCIMGATE_GROUP_MEMBERS_PER_FETCH} per
 * statement), and with {@code SCIMGATE_GROUP_MEMBERS_PER_FETCH=0} (the whole answer built in memory, the old way).
 * The peak is the process's: run one size per gateway process (run.sh starts a fresh one each time).
 *
 * <p>Environment: {@code SCIMGATE_URL}, {@code SCIMGATE_ADMIN_TOKEN}, {@code SCIMGATE_DATABASE_URL},
 * {@code SCIMGATE_BENCH_SERVER_PIDS} (the gateway's pid first); argument: the group's size (default 100000).
 * System properties: {@code warmup} (default 1 read), {@code iterations} (default 3 reads, the median printed).
 */
public final class BigGroupBenchmark {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private BigGroupBenchmark() {}

  /** One read of the group: when its head came, when its last byte did, and how many bytes. */
  private record Read(long headNanos, long totalNanos, long bytes) {}

  public static void main(String[] args) throws Exception {
    int size = args.length == 0 ? 100_000 : Integer.parseInt(args[0]);
    int warmup = Integer.getInteger("warmup", 1);
    int iterations = Integer.getInteger("iterations", 3);
    String perFetch = System.getenv().getOrDefault("SCIMGATE_GROUP_MEMBERS_PER_FETCH", "1000 (default)");
    String mode = perFetch.equals("0") ? "whole" : "streamed, " + perFetch + " per fetch";
    long server = Long.parseLong(GatewayClient.required("SCIMGATE_BENCH_SERVER_PIDS").split(",")[0]);
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(GatewayClient.required("SCIMGATE_DATABASE_URL"))).using(vertx).build();
    try {
      GatewayClient client = new GatewayClient(System.getenv().getOrDefault("SCIMGATE_URL", "http://127.0.0.1:8080"),
          GatewayClient.required("SCIMGATE_ADMIN_TOKEN"), db);
      GatewayClient.Connection connection = client.newConnection("okta");
      String groupId = seed(client, connection, size);
      long before = peakKb(server);
      for (int i = 0; i < warmup; i++) {
        read(connection, groupId);
      }
      List<Read> reads = new ArrayList<>();
      CpuTimes start = CpuTimes.now();
      for (int i = 0; i < iterations; i++) {
        reads.add(read(connection, groupId));
      }
      CpuTimes.Usage cpu = CpuTimes.now().since(start, iterations);
      print(size, mode, reads, before, peakKb(server));
      System.out.printf(Locale.ROOT, "  CPU per read: server %.0f ms, PostgreSQL %.0f ms (every postgres process),"
          + " client %.0f ms%n", cpu.server().msPerOperation(), cpu.postgres().msPerOperation(),
          cpu.client().msPerOperation());
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  private static String seed(GatewayClient client, GatewayClient.Connection connection, int size) throws Exception {
    List<UUID> members = client.seedUsers(connection, size, "member");
    String groupId = client.send(connection, "POST", "/Groups", "{\"displayName\":\"Everyone\"}", 201)
        .get("id").asText();
    client.seedMembership(UUID.fromString(groupId), members);
    return groupId;
  }

  /** Reads the whole answer without keeping it (only its length and last byte, to see it is complete). */
  private static Read read(GatewayClient.Connection connection, String groupId) throws IOException,
      InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + "/Groups/" + groupId))
        .header("Authorization", "Bearer " + connection.token()).timeout(Duration.ofMinutes(5)).GET().build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long head = System.nanoTime() - start;
    long bytes = 0;
    int last = -1;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream body = response.body()) {
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        if (n > 0) {
          bytes += n;
          last = buffer[n - 1];
        }
      }
    }
    long total = System.nanoTime() - start;
    if (response.statusCode() != 200 || last != '}') {
      throw new IllegalStateException("GET /Groups/" + groupId + " -> " + response.statusCode() + ", " + bytes
          + " bytes, not a whole JSON object");
    }
    return new Read(head, total, bytes);
  }

  private static void print(int size, String mode, List<Read> reads, long beforeKb, long afterKb) {
    long[] heads = reads.stream().mapToLong(Read::headNanos).sorted().toArray();
    long[] totals = reads.stream().mapToLong(Read::totalNanos).sorted().toArray();
    System.out.printf(Locale.ROOT, "members=%d mode=%s answer=%.1f MB reads=%d%n", size, mode,
        reads.get(0).bytes() / 1e6, reads.size());
    System.out.printf(Locale.ROOT, "  time to head: median %.0f ms (min %.0f, max %.0f)%n", ms(median(heads)),
        ms(heads[0]), ms(heads[heads.length - 1]));
    System.out.printf(Locale.ROOT, "  time to last byte: median %.0f ms (min %.0f, max %.0f), all %s ms%n",
        ms(median(totals)), ms(totals[0]), ms(totals[totals.length - 1]),
        Arrays.toString(reads.stream().mapToLong(r -> Math.round(ms(r.totalNanos()))).toArray()));
    System.out.printf(Locale.ROOT, "  server peak RSS (VmHWM): %d MB before the first read, %d MB after the last%n",
        beforeKb / 1024, afterKb / 1024);
  }

  private static long median(long[] sorted) {
    return sorted[sorted.length / 2];
  }

  /** The process's peak resident set so far, in kB. */
  private static long peakKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("No VmHWM in /proc/" + pid + "/status");
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
