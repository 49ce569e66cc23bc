package io.scimgate.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.config.ObservabilityConfig;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Scrape;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real gateway's Prometheus endpoint, scraped over HTTP after real SCIM, admin and pipeline traffic. */
class MetricsTest {
  private static final String REQUESTS = "scimgate_http_server_requests_seconds";
  private static final String USERS = "/scim/v2/{connectionId}/Users";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withMailServer()
      .withEnv(Map.of(ConfigLoader.DELIVERY_MAX_ATTEMPTS, "1")); // a failing delivery is dead-lettered at once

  @Test
  void scimRequestsAreCountedExactlyUnderTheirRouteTemplateAndVendor() {
    ScimClient entra = gateway.newConnection("azure-ad");
    String first = null;
    for (int i = 0; i < 3; i++) {
      var created = entra.scim().post("/Users", Fixtures.entraUser("u" + i + "-" + UUID.randomUUID() + "@example.com",
          "ext-" + i));
      assertThat(created.status()).isEqualTo(201);
      first = first == null ? created.json().get("id").asText() : first;
    }
    assertThat(entra.scim().get("/Users/" + first).status()).isEqualTo(200);
    assertThat(entra.scim().get("/Users/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(entra.scim().get("/NoSuchEndpoint").status()).isEqualTo(404);
    assertThat(new Http(entra.scim().baseUrl(), null).get("/Users").status()).isEqualTo(401);

    Scrape scrape = awaitScrape(s -> s.sum(REQUESTS + "_count", "route", USERS, "method", "POST") >= 3
        && s.sum(REQUESTS + "_count", "route", "unmatched") >= 1);
    assertThat(scrape.value(REQUESTS + "_count", "route", USERS, "method", "POST", "status_class", "2xx",
        "vendor", "azure-ad")).as("exactly the three creations").isEqualTo(3);
    assertThat(scrape.value(REQUESTS + "_bucket", "route", USERS, "method", "POST", "status_class", "2xx",
        "vendor", "azure-ad", "le", "+Inf")).as("a latency histogram").isEqualTo(3);
    assertThat(scrape.all(REQUESTS + "_bucket", "route", USERS, "method", "POST", "vendor", "azure-ad", "le", "0.1"))
        .hasSize(1);
    assertThat(scrape.value(REQUESTS + "_count", "route", USERS + "/{id}", "method", "GET", "status_class", "2xx",
        "vendor", "azure-ad")).isEqualTo(1);
    assertThat(scrape.value(REQUESTS + "_count", "route", USERS + "/{id}", "method", "GET", "status_class", "4xx",
        "vendor", "azure-ad")).as("a missing user: its route matched").isEqualTo(1);
    assertThat(scrape.value(REQUESTS + "_count", "route", "unmatched", "method", "GET", "status_class", "4xx",
        "vendor", "azure-ad")).as("no endpoint matched").isEqualTo(1);
    assertThat(scrape.value(REQUESTS + "_count", "route", "/scim/v2/{connectionId}/*", "method", "GET",
        "status_class", "4xx", "vendor", "none")).as("refused before any endpoint, vendor unknown").isEqualTo(1);
    assertThat(scrape.sum(REQUESTS + "_count", "route", "/admin/v1/tenants/{tenantId}/connections", "method", "POST",
        "status_class", "2xx", "vendor", "none")).isGreaterThanOrEqualTo(1);
    assertThat(scrape.value("scimgate_connector_normalization_seconds_count", "connector", "azure-ad",
        "hook", "normalizeUser")).isEqualTo(3);

    assertThat(scrape.text()).as("no raw path or id in any label")
        .doesNotContain(first).doesNotContain(entra.connectionId()).doesNotContain(entra.tenantId())
        .doesNotContain("scimgate_tenant_requests");
  }

  @Test
  void databasePoolsJvmAndPluginsAreThere() {
    assertThat(gateway.admin().get("/admin/v1/tenants").status()).isEqualTo(200);
    Scrape scrape = awaitScrape(s -> s.sum("vertx_pool_queue_time_seconds_count", "pool_name", "requests") > 0);
    assertThat(scrape.all("vertx_pool_in_use", "pool_type", "sql", "pool_name", "requests")).hasSize(1);
    assertThat(scrape.all("vertx_pool_in_use", "pool_type", "sql", "pool_name", "invites")).hasSize(1);
    assertThat(scrape.all("vertx_pool_ratio", "pool_name", "requests")).hasSize(1);
    assertThat(scrape.all("vertx_pool_queue_pending", "pool_name", "requests")).hasSize(1);
    assertThat(scrape.all("vertx_pool_queue_time_seconds_bucket", "pool_name", "requests", "le", "0.005"))
        .as("the wait for a connection as a histogram").hasSize(1);
    assertThat(scrape.all("jvm_memory_used_bytes")).isNotEmpty();
    for (String connector : List.of("okta", "azure-ad", "onelogin", "custom")) {
      assertThat(scrape.value("scimgate_plugins", "connector", connector, "state", "started")).isEqualTo(1);
    }
    assertThat(scrape.value("scimgate_connectors_missing")).isZero();
  }

  @Test
  void thePipelineReportsRelayLagDeliveriesDeadLettersAndInvitations() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    String email = "metrics-" + UUID.randomUUID() + "@example.com";
    String group = okta.scim().post("/Groups", Fixtures.group("Contractors")).json().get("id").asText();
    gateway.sql("INSERT INTO auto_invite_settings (tenant_id, enabled) VALUES ($1::uuid, true)", okta.tenantId());
    gateway.sql("INSERT INTO auto_invite_groups (tenant_id, group_id) VALUES ($1::uuid, $2::uuid)", okta.tenantId(),
        group);
    String user = okta.scim().post("/Users", Fixtures.oktaUser(email)).json().get("id").asText();
    okta.scim().patchOps("/Groups/" + group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user
        + "\"}]}");
    // a delivery for a channel this node does not have: fails, and with one attempt allowed, is dead-lettered
    gateway.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, status, occurred_at)"
        + " VALUES ('test:dead', $1::uuid, 'pager', 'user.created', '{}', 'pending', now())", okta.tenantId());

    Scrape scrape = awaitScrape(s -> s.sum("scimgate_invitations_sent_total") >= 1
        && s.sum("scimgate_deliveries_total", "outcome", "dead") >= 1);
    assertThat(gateway.mail().receivedBy(email)).hasSize(1);
    assertThat(scrape.value("scimgate_invitations_sent_total", "channel", "email")).isEqualTo(1);
    assertThat(scrape.value("scimgate_deliveries_total", "channel", "email", "outcome", "sent")).isEqualTo(1);
    assertThat(scrape.value("scimgate_deliveries_total", "channel", "unconfigured", "outcome", "dead"))
        .as("the dead letter, its channel name not taken from the row").isEqualTo(1);
    assertThat(scrape.value("scimgate_outbox_relay_lag_seconds_count"))
        .as("group.created, user.created, group.members_added at least").isGreaterThanOrEqualTo(3);
    assertThat(scrape.all("scimgate_outbox_relay_lag_seconds_bucket", "le", "1.0")).hasSize(1);

    Scrape drained = awaitScrape(s -> s.sum("scimgate_outbox_pending") == 0 && s.sum("scimgate_deliveries_due") == 0);
    assertThat(drained.value("scimgate_outbox_oldest_pending_age_seconds")).isZero();
    assertThat(drained.value("scimgate_deliveries_oldest_due_age_seconds")).isZero();
  }

  @Test
  void refusalsAreCountedByReason() {
    ScimClient okta = gateway.newConnection("okta");
    String path = "/admin/v1/tenants/" + okta.tenantId() + "/connections/" + okta.connectionId();
    assertThat(gateway.admin().patch(path, "{\"rateLimit\":{\"requestsPerSecond\":1,\"burst\":1}}").status())
        .isEqualTo(200);
    int refused = 0;
    for (int i = 0; i < 100 && refused < 3; i++) { // the new budget reaches the connection view within milliseconds
      refused += okta.scim().get("/Users?count=1").status() == 429 ? 1 : 0;
    }
    assertThat(refused).isGreaterThan(0);
    int expected = refused;
    Scrape scrape = awaitScrape(s -> s.sum("scimgate_rate_limit_rejections_total") >= expected);
    assertThat(scrape.value("scimgate_rate_limit_rejections_total", "reason", "connection_budget"))
        .isEqualTo(refused);
  }

  @Test
  void perTenantSeriesOnlyWhenAskedFor() {
    try (TestGateway perTenant = TestGateway.start(Map.of(ConfigLoader.METRICS_PER_TENANT, "true"))) {
      ScimClient okta = perTenant.newConnection("okta");
      for (int i = 0; i < 2; i++) {
        assertThat(okta.scim().post("/Users", Fixtures.oktaUser("t" + i + "@example.com")).status()).isEqualTo(201);
      }
      Scrape scrape = awaitScrape(perTenant, s -> s.sum("scimgate_tenant_requests_seconds_count") >= 2);
      assertThat(scrape.value("scimgate_tenant_requests_seconds_count", "tenant", okta.tenantId(),
          "status_class", "2xx")).isEqualTo(2);
    }
  }

  @Test
  void theEndpointIsOnItsOwnPortOnly() {
    assertThat(gateway.anonymous().get("/metrics").status()).as("never on the public port").isEqualTo(404);
    String base = gateway.metricsUrl().replace("/metrics", "");
    assertThat(new Http(base, null).get("/other").status()).isEqualTo(404);
    assertThat(new Http(base, null).get("/metrics").header("Content-Type")).startsWith("text/plain");
  }

  @Test
  void offTurnsMetricsOffAndABadValueStopsTheStart() {
    ObservabilityConfig off = new ConfigLoader(Map.of(ConfigLoader.METRICS_PORT, "off")).load().observability();
    assertThat(off.metricsEnabled()).isFalse();
    ObservabilityConfig defaults = new ConfigLoader(Map.of()).load().observability();
    assertThat(defaults.metricsPort()).isEqualTo(9464);
    assertThat(defaults.metricsPerTenant()).isFalse();
    assertThat(defaults.accessLog()).isTrue();
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.METRICS_PORT, "nine")).load())
        .hasMessageContaining(ConfigLoader.METRICS_PORT);
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.LOG_FORMAT, "xml")).load())
        .hasMessageContaining(ConfigLoader.LOG_FORMAT);
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.ACCESS_LOG, "maybe")).load())
        .hasMessageContaining(ConfigLoader.ACCESS_LOG);
  }

  private static Scrape awaitScrape(Predicate<Scrape> ready) {
    return awaitScrape(gateway.node(), ready);
  }

  /** Metrics are recorded when a request has ended and the pipeline has committed: poll for a few seconds. */
  private static Scrape awaitScrape(TestGateway node, Predicate<Scrape> ready) {
    long deadline = System.currentTimeMillis() + 15_000;
    Scrape scrape = Scrape.of(node.metricsUrl());
    while (!ready.test(scrape) && System.currentTimeMillis() < deadline) {
      sleep();
      scrape = Scrape.of(node.metricsUrl());
    }
    return scrape;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
