package io.scimgate.benchmarks.faults;

import io.scimgate.benchmarks.GatewayClient;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One tenant floods, another one's IdP goes on as usual: the victim's latency with no flood, then during the
 * flood, and what the flooder got (served vs 429). Run it with the request budgets on and off (run.sh turns them
 * off for load runs unless {@code SCIMGATE_RATE_LIMIT_CONNECTION_RPS} / {@code _TENANT_RPS} are set) to see what
 * they buy.
 *
 * <p>Arguments: flooding clients (default 32), seconds per phase (default 15), and {@code ignore} or
 * {@code honour} (default {@code ignore}): whether the flooder waits the {@code Retry-After} of a 429, as Entra and
 * Okta do, or hammers on regardless (the worst case). The victim sends one {@code userName eq} lookup every 20 ms
 * (50/s, an IdP's steady pace); the flooder sends the same lookups as fast as its clients can.
 */
public final class NoisyNeighbourBenchmark {
  private static final long VICTIM_PAUSE_MILLIS = 20;

  private NoisyNeighbourBenchmark() {}

  public static void main(String[] args) throws Exception {
    int flooders = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    boolean honourRetryAfter = args.length > 2 && args[2].equals("honour");
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(GatewayClient.required("SCIMGATE_DATABASE_URL"))).using(vertx).build();
    try {
      GatewayClient client = new GatewayClient(System.getenv().getOrDefault("SCIMGATE_URL", "http://127.0.0.1:8080"),
          GatewayClient.required("SCIMGATE_ADMIN_TOKEN"), db);
      GatewayClient.Connection victim = client.newConnection("okta");
      GatewayClient.Connection flooder = client.newConnection("okta");
      client.seedUsers(victim, 10_000, "victim");
      client.seedUsers(flooder, 10_000, "flooder");
      System.out.printf(Locale.ROOT, "budgets: connection %s/s, tenant %s/s; %d flooding clients (Retry-After %s),"
          + " %d s per phase%n", System.getenv().getOrDefault("SCIMGATE_RATE_LIMIT_CONNECTION_RPS", "default"),
          System.getenv().getOrDefault("SCIMGATE_RATE_LIMIT_TENANT_RPS", "default"), flooders,
          honourRetryAfter ? "honoured" : "ignored", seconds);
      victimPhase(client, victim, seconds / 3, null); // warm-up
      report("victim, no flood", victimPhase(client, victim, seconds, null));
      Flood flood = new Flood(client, flooder, flooders, honourRetryAfter);
      Histogram during = victimPhase(client, victim, seconds, flood);
      report("victim, flood", during);
      flood.print(seconds);
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  private static Histogram victimPhase(GatewayClient client, GatewayClient.Connection victim, int seconds,
      Flood flood) throws Exception {
    if (flood != null) {
      flood.start();
    }
    Histogram histogram = new Histogram(60_000_000_000L, 3);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      for (int n = 0; System.nanoTime() < end; n++) {
        long start = System.nanoTime();
        int status = client.answer(victim, "GET", "/Users?filter=" + lookup("victim", n % 10_000)).status();
        histogram.recordValue(System.nanoTime() - start);
        if (status != 200) {
          System.out.println("victim got " + status);
        }
        Thread.sleep(VICTIM_PAUSE_MILLIS);
      }
    } finally {
      if (flood != null) {
        flood.stop();
      }
    }
    return histogram;
  }

  private static String lookup(String prefix, int n) {
    return URLEncoder.encode("userName eq \"" + prefix + "-" + n + "@example.com\"", StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static void report(String what, Histogram histogram) {
    System.out.printf(Locale.ROOT, "%-18s %6d requests  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms%n", what,
        histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
        histogram.getMaxValue() / 1e6);
  }

  /** The noisy tenant: {@code clients} threads sending lookups back to back, counting answers by status. */
  private static final class Flood {
    private final GatewayClient client;
    private final GatewayClient.Connection connection;
    private final int clients;
    private final boolean honourRetryAfter;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private ExecutorService threads;
    private final List<Future<?>> workers = new ArrayList<>();

    Flood(GatewayClient client, GatewayClient.Connection connection, int clients, boolean honourRetryAfter) {
      this.client = client;
      this.connection = connection;
      this.clients = clients;
      this.honourRetryAfter = honourRetryAfter;
    }

    void start() {
      running.set(true);
      threads = Executors.newFixedThreadPool(clients);
      for (int c = 0; c < clients; c++) {
        int offset = c;
        workers.add(threads.submit(() -> {
          for (int n = offset; running.get(); n += clients) {
            GatewayClient.Answer answer = client.answer(connection, "GET",
                "/Users?filter=" + lookup("flooder", n % 10_000));
            statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
            if (honourRetryAfter && answer.retryAfterSeconds() > 0) {
              Thread.sleep(TimeUnit.SECONDS.toMillis(answer.retryAfterSeconds()));
            }
          }
          return null;
        }));
      }
    }

    void stop() throws Exception {
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
      threads.shutdown();
    }

    void print(int seconds) {
      statuses.forEach((status, count) -> System.out.printf(Locale.ROOT, "flooder got %d: %d (%.0f/s)%n", status,
          count.sum(), count.sum() / (double) seconds));
    }
  }
}
