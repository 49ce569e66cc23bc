package io.scimgate.benchmarks.invites;

import io.scimgate.benchmarks.GatewayClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The invite pipeline's lag: from the moment the gateway acknowledges the SCIM write that puts a user into a
 * selected group (the PATCH's response) to the moment the invitation mail is accepted by SMTP. Users arrive at a
 * fixed rate (create, then add to the group, as Okta pushes them); the SMTP server is {@link SmtpSink} in this
 * JVM, so both timestamps come from one clock. The gateway must send mail to it:
 * {@code SCIMGATE_SMTP_HOST=127.0.0.1 SCIMGATE_SMTP_PORT=<port> SCIMGATE_SMTP_STARTTLS=DISABLED}
 * (benchmarks/run.sh invite-lag does this).
 *
 * <p>Arguments: {@code [usersPerSecond=300] [seconds=20] [warmupSeconds=5] [smtpPort=18025] [groups=1]}: users are
 * spread over {@code groups} selected groups (one group's PATCHes queue on its row lock).
 */
public final class InviteLagBenchmark {
  private InviteLagBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int smtpPort = args.length > 3 ? Integer.parseInt(args[3]) : 18025;
    int groupCount = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(GatewayClient.required("SCIMGATE_DATABASE_URL")))
        .using(vertx).build();
    SmtpSink sink = new SmtpSink(System::nanoTime);
    try {
      sink.start(vertx, smtpPort).await();
      GatewayClient client = new GatewayClient(System.getenv().getOrDefault("SCIMGATE_URL", "http://127.0.0.1:8080"),
          GatewayClient.required("SCIMGATE_ADMIN_TOKEN"), db);
      GatewayClient.Connection connection = client.newConnection("okta");
      java.util.List<String> groups = new java.util.ArrayList<>();
      for (int g = 0; g < groupCount; g++) {
        String group = client.send(connection, "POST", "/Groups", "{\"displayName\":\"Invitees " + g + "\"}", 201)
            .get("id").asText();
        enableAutoInvites(db, connection.tenantId(), UUID.fromString(group));
        groups.add(group);
      }
      Map<String, Long> acknowledged = push(vertx, connection, groups, rate, seconds + warmup);
      report(sink, acknowledged, warmup, rate);
    } finally {
      db.close().await();
      vertx.close().await();
    }
  }

  /** Straight into the settings tables: the admin API's backfill is not what is measured here. */
  private static void enableAutoInvites(Pool db, UUID tenant, UUID group) {
    db.preparedQuery("INSERT INTO auto_invite_settings (tenant_id, enabled) VALUES ($1, true) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(tenant)).await();
    db.preparedQuery("INSERT INTO auto_invite_groups (tenant_id, group_id) VALUES ($1, $2)")
        .execute(Tuple.of(tenant, group)).await();
  }

  /** Pushes {@code rate} users per second; per e-mail address, when its group PATCH was acknowledged. */
  private static Map<String, Long> push(Vertx vertx, GatewayClient.Connection connection,
      java.util.List<String> groups, int rate, int seconds) throws InterruptedException {
    URI base = URI.create(connection.baseUrl());
    WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost(base.getHost())
        .setDefaultPort(base.getPort()), new PoolOptions().setHttp1MaxSize(64));
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    int total = rate * seconds;
    long start = System.nanoTime();
    long timer = vertx.setPeriodic(10, id -> {
      long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
      while (issued.get() < due) {
        int n = issued.getAndIncrement();
        onboard(web, base.getPath(), connection.token(), groups.get(n % groups.size()), n)
            .onSuccess(email -> acknowledged.put(email, System.nanoTime() - start))
            .onFailure(failure -> System.err.println("user " + n + ": " + failure.getMessage()))
            .onComplete(done -> finished.incrementAndGet());
      }
    });
    while (issued.get() < total) {
      Thread.sleep(100);
    }
    vertx.cancelTimer(timer);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (finished.get() < total && System.nanoTime() < deadline) {
      Thread.sleep(100); // a gateway that fell behind the rate still answers every request queued for it
    }
    System.out.printf(Locale.ROOT, "pushed %d users in %.1f s (asked: %d users/s)%n", total,
        (System.nanoTime() - start) / 1e9, rate);
    web.close();
    acknowledged.replaceAll((email, offset) -> start + offset);
    return acknowledged;
  }

  private static Future<String> onboard(WebClient web, String basePath, String token, String group, int n) {
    String email = "invitee-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.local";
    String user = "{\"userName\":\"" + email + "\",\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}],"
        + "\"name\":{\"givenName\":\"Invitee\",\"familyName\":\"" + n + "\"},\"active\":true}";
    return send(web, HttpMethod.POST, basePath + "/Users", token, user, 201)
        .compose(created -> send(web, HttpMethod.PATCH, basePath + "/Groups/" + group, token,
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"" + created.toJsonObject().getString("id") + "\"}]}]}",
            204))
        .map(done -> email);
  }

  private static Future<Buffer> send(WebClient web, HttpMethod method, String path, String token, String body,
      int expected) {
    return web.request(method, path).putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/scim+json").sendBuffer(Buffer.buffer(body))
        .compose(reply -> reply.statusCode() == expected ? Future.succeededFuture(reply.bodyAsBuffer())
            : Future.failedFuture(method + " " + path + " -> " + reply.statusCode() + " " + reply.bodyAsString()));
  }

  private static void report(SmtpSink sink, Map<String, Long> acknowledged, int warmup, int rate)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (sink.recipients() < acknowledged.size() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Histogram lag = new Histogram(3);
    int missing = 0;
    int duplicates = 0;
    long measuredFrom = acknowledged.values().stream().mapToLong(Long::longValue).min().orElse(0)
        + warmup * 1_000_000_000L;
    for (Map.Entry<String, Long> user : acknowledged.entrySet()) {
      Long accepted = sink.acceptedAt(user.getKey());
      duplicates += Math.max(0, sink.messagesTo(user.getKey()) - 1);
      if (accepted == null) {
        missing++;
      } else if (user.getValue() >= measuredFrom) {
        lag.recordValue(Math.max(0, accepted - user.getValue()));
      }
    }
    System.out.printf(Locale.ROOT, "invite lag at %d users/s: %d measured (after %d s warm-up), p50 %.1f ms, "
            + "p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d users acknowledged, %d without mail, %d duplicate mails%n",
        rate, lag.getTotalCount(), warmup, lag.getValueAtPercentile(50) / 1e6, lag.getValueAtPercentile(90) / 1e6,
        lag.getValueAtPercentile(99) / 1e6, lag.getMaxValue() / 1e6, acknowledged.size(), missing, duplicates);
  }
}
