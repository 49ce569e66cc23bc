package io.scimgate.invites.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimgate.invites.egress.EgressAllowlist;
import io.scimgate.invites.egress.EgressPolicy;
import io.scimgate.invites.egress.EgressRefusal;
import io.scimgate.invites.egress.EgressSettings;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connect-time half of the egress rules: a name the save-time check let through (or that changed since)
 * resolves to loopback when dialled. A resolver stands in for DNS: {@code receiver.test} is 127.0.0.1.
 */
class WebhookPostTest {
  /** Generous: the first connection of a JVM on a busy machine takes a while. */
  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private Vertx vertx;
  private HttpServer server;
  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private volatile boolean answer = true;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      hosts.add(request.authority().toString());
      if (answer) {
        request.response().end(Buffer.buffer(new byte[1024 * 1024]));
      }
    })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aNameThatResolvesToLoopbackIsRefusedWhenDialled() {
    WebhookPost post = post("", GENEROUS);
    assertThatThrownBy(() -> send(post, "http://receiver.test:" + server.actualPort() + "/hook"))
        .isInstanceOf(EgressRefusal.class).hasMessage("receiver.test resolves to a loopback address");
    assertThat(hosts).as("nothing reached the receiver").isEmpty();
  }

  @Test
  void anAllowedNameIsDialledAtTheCheckedAddressWithItsOwnHostHeader() throws Exception {
    WebhookPost post = post("receiver.test", GENEROUS);
    assertThat(send(post, "http://receiver.test:" + server.actualPort() + "/hook?x=1")).isEqualTo(200);
    assertThat(hosts).containsExactly("receiver.test:" + server.actualPort());
    assertThat(lookups).as("resolved once, and that answer dialled").hasValue(1);
  }

  @Test
  void aReceiverThatDoesNotAnswerIsCutOffAtTheDeadline() {
    answer = false;
    WebhookPost post = post("receiver.test", DEADLINE);
    long started = System.nanoTime();
    assertThatThrownBy(() -> send(post, "http://receiver.test:" + server.actualPort() + "/hook"))
        .isInstanceOf(TimeoutException.class);
    assertThat((System.nanoTime() - started) / 1_000_000)
        .isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 5_000);
  }

  private WebhookPost post(String allowed, Duration deadline) {
    EgressSettings settings = new EgressSettings(true, EgressAllowlist.parse(allowed), deadline);
    return new WebhookPost(vertx, new EgressPolicy(settings, host -> {
      lookups.incrementAndGet();
      return host.equals("receiver.test") ? Future.succeededFuture(List.of(InetAddress.getLoopbackAddress()))
          : Future.failedFuture(new java.net.UnknownHostException(host));
    }));
  }

  private static int send(WebhookPost post, String url) throws Exception {
    EgressPolicy policy = new EgressPolicy(new EgressSettings(true, EgressAllowlist.NONE, Duration.ofSeconds(1)),
        host -> Future.failedFuture("unused"));
    return post.send(policy.parse(url), MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"))
        .await(30, TimeUnit.SECONDS);
  }
}
