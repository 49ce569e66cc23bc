package io.scimgate.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.RawHttp;
import io.scimgate.app.support.ScimClient;
import io.scimgate.scim.json.ScimJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Over-limit bodies, HTTP-codec refusals and aborted uploads: answered with error bodies, never wedged. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpLimitsTest {
  private static final int LIMIT = 4096;
  private static final int TEN_MB = 10 * 1024 * 1024;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.MAX_BODY_BYTES, Integer.toString(LIMIT)));
  private static ScimClient client;
  private static int port;

  @BeforeAll
  static void setUp() {
    client = gateway.newConnection("okta");
    port = RawHttp.port(gateway.url());
  }

  private static String scimPath(String resource) {
    return "/scim/v2/" + client.connectionId() + resource;
  }

  private static String post(String path, String token, int length, String extraHeaders) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + length + "\r\n" + extraHeaders + "\r\n";
  }

  /** Writes the whole body before reading, as naive clients do; the write must not block forever. */
  private static RawHttp.Response sendWholeThenRead(RawHttp raw, String head, int length) throws Exception {
    byte[] body = new byte[length];
    Arrays.fill(body, (byte) 'x');
    raw.write(head);
    CompletableFuture.runAsync(() -> {
      try {
        raw.write(body);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(20, TimeUnit.SECONDS);
    return raw.read();
  }

  @Test
  void aTenMegabyteScimBodySentBeforeReadingGets413AndTheConnectionCloses() throws Exception {
    long started = System.nanoTime();
    try (RawHttp raw = new RawHttp(port, 15_000)) {
      RawHttp.Response response = sendWholeThenRead(raw, post(scimPath("/Users"), client.token(), TEN_MB, ""), TEN_MB);
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.header("Content-Type")).startsWith("application/scim+json");
      assertThat(ScimJson.parse(response.body()).get("status").asText()).isEqualTo("413");
      assertThat(response.closes()).isTrue();
      assertThat(raw.closedByPeer()).isTrue();
    }
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
  }

  @Test
  void anOverLimitAdminBodyGets413AndTheConnectionCloses() throws Exception {
    try (RawHttp raw = new RawHttp(port, 15_000)) {
      int length = 1024 * 1024;
      RawHttp.Response response = sendWholeThenRead(raw, post("/admin/v1/tenants", gateway.admin().token(), length, ""),
          length);
      assertThat(response.status()).isEqualTo(413);
      assertThat(ScimJson.parse(response.body()).get("status").asInt()).isEqualTo(413);
      assertThat(response.closes()).isTrue();
      assertThat(raw.closedByPeer()).isTrue();
    }
  }

  @Test
  void theNextRequestOnAKeepAliveConnectionDoesNotHang() throws Exception {
    try (RawHttp raw = new RawHttp(port, 15_000)) {
      String get = "GET " + scimPath("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + client.token() + "\r\n\r\n";
      RawHttp.Response response = sendWholeThenRead(raw, post(scimPath("/Users"), client.token(), 64 * 1024, ""),
          64 * 1024);
      raw.write(get);
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.closes()).isTrue();
      assertThat(raw.closedByPeer()).as("closed, so the client retries on a new connection").isTrue();
    }
    Http scim = client.scim();
    assertThat(scim.post("/Users", "x".repeat(LIMIT * 4)).status()).isEqualTo(413);
    assertThat(scim.get("/Users").status()).isEqualTo(200);
  }

  @Test
  void aRefusedSmallBodyKeepsItsConnection() throws Exception {
    try (RawHttp raw = new RawHttp(port, 15_000)) {
      String body = "{\"userName\":\"x\"}";
      RawHttp.Response refused = sendWholeThenRead(raw, post(scimPath("/Users"), "not-a-token", body.length(), ""),
          body.length());
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.closes()).as("a burst of refusals must not cost a connection each").isFalse();
      raw.write("GET " + scimPath("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + client.token() + "\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(200);
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsCutOffAsItStreams() throws Exception {
    try (RawHttp raw = new RawHttp(port, 10_000)) {
      raw.write("POST " + scimPath("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + client.token() + "\r\nContent-Type: application/scim+json\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = Integer.toHexString(LIMIT) + "\r\n" + "x".repeat(LIMIT) + "\r\n";
      raw.write(chunk).write(chunk);
      // the body has not ended: the answer comes while the client is still streaming
      RawHttp.Response response = raw.read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.closes()).isTrue();
    }
  }

  @Test
  void aHugeHeaderIs431WithAScimErrorBody() throws Exception {
    assertCodecRefusal("GET " + scimPath("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + "x".repeat(10 * 1024) + "\r\n\r\n", 431);
  }

  @Test
  void aHugeUriIs414WithAScimErrorBody() throws Exception {
    assertCodecRefusal("GET " + scimPath("/Users?filter=" + "x".repeat(10 * 1024)) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        414);
  }

  @Test
  void aMalformedRequestIs400WithAScimErrorBody() throws Exception {
    assertCodecRefusal("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n", 400);
  }

  private static void assertCodecRefusal(String request, int status) throws Exception {
    try (RawHttp raw = new RawHttp(port, 10_000)) {
      RawHttp.Response response = raw.write(request).read();
      assertThat(response.status()).isEqualTo(status);
      assertThat(response.header("Content-Type")).startsWith("application/scim+json");
      var error = ScimJson.parse(response.body());
      assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
      assertThat(error.get("status").asText()).isEqualTo(Integer.toString(status));
      assertThat(error.get("detail").asText()).isNotBlank();
    }
  }

  @Test
  void clientsHangingUpMidUploadLogNoErrorsAndNoTraces() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try {
      for (int i = 0; i < 100; i++) {
        try (RawHttp raw = new RawHttp(port, 5_000)) {
          raw.write(post(scimPath("/Users"), client.token(), LIMIT - 10, "") + "{\"userName\":");
        }
      }
      // the hung-up requests' turns (per-tenant concurrency) are given back: the tenant is served again
      int status = 0;
      for (int i = 0; i < 50 && status != 200; i++) {
        Thread.sleep(100);
        status = client.scim().get("/Users").status();
      }
      assertThat(status).isEqualTo(200);
    } finally {
      root.detachAppender(logged);
    }
    assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)
        || event.getThrowableProxy() != null).isEmpty();
  }
}
