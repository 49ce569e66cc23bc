package io.scimgate.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.GatewayProcess;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The access log of real gateways: a line per request, its fields, nothing secret; JSON lines when asked. */
class AccessLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS = List.of("request_id", "tenant", "connection", "method", "route", "path",
      "status", "duration_ms", "bytes_in", "bytes_out", "user_agent");
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Logger access;
  private static Level levelBefore;
  private static final ListAppender<ILoggingEvent> LINES = new ListAppender<>();

  @BeforeAll
  static void start() {
    access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    levelBefore = access.getLevel();
    access.setLevel(Level.INFO); // the tests' logback configuration silences it
    LINES.start();
    access.addAppender(LINES);
  }

  @AfterAll
  static void stop() {
    access.detachAppender(LINES);
    access.setLevel(levelBefore);
  }

  @Test
  void everyRequestGetsOneLineWithItsFieldsAndNeverATokenAQueryOrABody() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    String email = "private-" + UUID.randomUUID() + "@example.com";
    Reply created = okta.scim().send("POST", "/Users", Fixtures.oktaUser(email), "application/scim+json",
        Map.of("X-Request-Id", "access-create", "User-Agent", "Okta SCIM Client 1.0.0"));
    assertThat(created.status()).isEqualTo(201);
    okta.scim().send("GET", "/Users?filter=" + Http.encode("userName eq \"" + email + "\""), null, null,
        Map.of("X-Request-Id", "access-search", "User-Agent", "forged\" status=\"200\\"));
    String badToken = "not-a-token-" + UUID.randomUUID();
    new Http(okta.scim().baseUrl(), badToken).send("GET", "/Users", null, null, Map.of("X-Request-Id", "access-401"));
    Http admin = gateway.admin();
    admin.send("GET", "/admin/v1/tenants/" + okta.tenantId(), null, null, Map.of("X-Request-Id", "access-admin"));

    Map<String, Object> create = awaitLine("access-create");
    assertThat(create).containsKeys(FIELDS.toArray(String[]::new));
    assertThat(create).containsEntry("tenant", okta.tenantId()).containsEntry("connection", okta.connectionId())
        .containsEntry("method", "POST").containsEntry("route", "/scim/v2/{connectionId}/Users")
        .containsEntry("path", "/scim/v2/" + okta.connectionId() + "/Users").containsEntry("status", "201")
        .containsEntry("user_agent", "Okta SCIM Client 1.0.0");
    assertThat(Double.parseDouble(create.get("duration_ms").toString())).isPositive();
    assertThat(Long.parseLong(create.get("bytes_in").toString())).isEqualTo(Fixtures.oktaUser(email).length());
    assertThat(Long.parseLong(create.get("bytes_out").toString())).isPositive();

    Map<String, Object> search = awaitLine("access-search");
    assertThat(search).containsEntry("path", "/scim/v2/" + okta.connectionId() + "/Users")
        .containsEntry("user_agent", "forged? status=?200?");
    assertThat(awaitLine("access-401")).containsEntry("status", "401").containsEntry("tenant", "-")
        .containsEntry("connection", okta.connectionId()).containsEntry("route", "/scim/v2/{connectionId}/*");
    assertThat(awaitLine("access-admin")).containsEntry("tenant", okta.tenantId())
        .containsEntry("route", "/admin/v1/tenants/{tenantId}").containsEntry("status", "200");

    for (String id : List.of("access-create", "access-search", "access-401", "access-admin")) {
      assertThat(linesOf(id)).as("one line for " + id).hasSize(1);
    }
    String everything;
    synchronized (LINES) { // the appender adds under this lock
      everything = LINES.list.stream().map(JsonLines::of).reduce("", String::concat);
    }
    assertThat(everything).doesNotContain(okta.token()).doesNotContain(admin.token()).doesNotContain(badToken)
        .doesNotContain(email).doesNotContain("Test User").doesNotContain("filter");
  }

  @Test
  void jsonLinesCarryTheFieldsAsKeysOfTheirOwn() throws Exception {
    gateway.anonymous().send("GET", "/health/live", null, null, Map.of("X-Request-Id", "access-json"));
    awaitLine("access-json");
    JsonNode line = JSON.readTree(JsonLines.of(linesOf("access-json").get(0)));
    assertThat(line.get("logger").asText()).isEqualTo(AccessLog.LOGGER);
    assertThat(line.get("route").asText()).isEqualTo("/health/live");
    assertThat(line.get("status").isInt()).as("numbers stay numbers").isTrue();
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.get("duration_ms").isNumber()).isTrue();
    assertThat(line.get("request_id").asText()).isEqualTo("access-json");
  }

  @Test
  void offWritesNoLine() throws Exception {
    try (TestGateway quiet = TestGateway.start(Map.of(ConfigLoader.ACCESS_LOG, "off"))) {
      quiet.anonymous().send("GET", "/health/live", null, null, Map.of("X-Request-Id", "access-off"));
      gateway.anonymous().send("GET", "/health/live", null, null, Map.of("X-Request-Id", "access-on"));
      awaitLine("access-on");
      assertThat(linesOf("access-off")).isEmpty();
    }
  }

  /** A real node with the production logging configuration and SCIMGATE_LOG_FORMAT=json: every line is JSON. */
  @Test
  void aJsonNodeWritesOneJsonObjectPerLine() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of(ConfigLoader.LOG_FORMAT, "json"));
    try (GatewayProcess node = GatewayProcess.startWithProductionLogging(gateway.databaseUrl(), env)) {
      new Http(node.url(), null).send("GET", "/health/ready", null, null,
          Map.of("X-Request-Id", "json-node", "User-Agent", "probe \"1\""));
      long deadline = System.currentTimeMillis() + 10_000;
      while (!node.output().contains("json-node") && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      JsonNode accessLine = null;
      for (String line : node.output().split("\n")) {
        JsonNode parsed = JSON.readTree(line); // throws if a line is not JSON
        assertThat(parsed.isObject()).as("not a JSON object: " + line).isTrue();
        assertThat(parsed.has("timestamp") && parsed.has("level") && parsed.has("logger")).as(line).isTrue();
        if ("json-node".equals(parsed.path("request_id").asText())) {
          accessLine = parsed;
        }
      }
      assertThat(accessLine).as("the access line of the request").isNotNull();
      assertThat(accessLine.get("route").asText()).isEqualTo("/health/ready");
      assertThat(accessLine.get("status").asInt()).isEqualTo(200);
      assertThat(accessLine.get("user_agent").asText()).isEqualTo("probe ?1?");
      assertThat(accessLine.fieldNames()).toIterable().containsAll(FIELDS);
    }
  }

  private static Map<String, Object> awaitLine(String requestId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (linesOf(requestId).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    List<ILoggingEvent> found = linesOf(requestId);
    assertThat(found).as("a line for " + requestId).isNotEmpty();
    Map<String, Object> fields = new HashMap<>();
    for (KeyValuePair pair : found.get(0).getKeyValuePairs()) {
      fields.put(pair.key, String.valueOf(pair.value));
    }
    return fields;
  }

  private static List<ILoggingEvent> linesOf(String requestId) {
    synchronized (LINES) {
      return List.copyOf(LINES.list).stream().filter(event -> event.getKeyValuePairs() != null
          && event.getKeyValuePairs().stream().anyMatch(pair -> pair.key.equals("request_id")
          && requestId.equals(pair.value))).toList();
    }
  }
}
