package io.scimgate.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.TestGateway;
import io.scimgate.connectors.api.ConnectorsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin host: a third party's connector dropped into a fresh plugins directory works without any gateway
 * change; incompatible, library-bundling and duplicate plugins are refused with reasons the operator can act on;
 * a connection whose connector is missing fails readiness and gets 503.
 */
class PluginHostTest {

  @Test
  void theExampleThirdPartyConnectorProvisionsThroughAFreshPluginsDirectory(@TempDir Path plugins) throws Exception {
    PluginZips.copyExample(plugins, "jumpcloud-connector.zip");
    try (TestGateway gateway = TestGateway.start(Map.of(ConfigLoader.PLUGINS_DIR, plugins.toString()))) {
      Http admin = gateway.admin();
      JsonNode connectors = admin.get("/admin/v1/connectors").json();
      assertThat(connectors.at("/connectors/0/id").asText()).isEqualTo("jumpcloud");
      assertThat(connectors.at("/connectors/0/provider").asText()).isEqualTo("Example Corp");
      assertThat(connectors.at("/connectors/0/state").asText()).isEqualTo("STARTED");
      assertThat(connectors.get("connectors")).hasSize(1);

      String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"JC\",\"scimEnabled\":true}").json()
          .get("id").asText();
      JsonNode connection = admin.post("/admin/v1/tenants/" + tenant + "/connections",
          "{\"vendor\":\"jumpcloud\",\"name\":\"JumpCloud\"}").json();
      assertThat(connection.get("groupPrefix").asText()).isEqualTo("JumpCloud SCIM - ");
      Http scim = new Http(connection.get("scimBaseUrl").asText(), connection.get("token").asText());
      Reply user = scim.post("/Users", "{\"userName\":\"jc.user@example.com\",\"active\":true,\"title\":null}");
      assertThat(user.status()).as(user.toString()).isEqualTo(201);
      String userId = user.json().get("id").asText();
      String group = scim.post("/Groups", "{\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + userId
          + "\"}]}").json().get("id").asText();
      Reply removal = scim.patchOps("/Groups/" + group,
          "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}");
      assertThat(removal.status()).as(removal.toString()).isEqualTo(204);
      assertThat(scim.get("/Groups/" + group).json().path("members").size()).isZero();
      assertThat(admin.get("/admin/v1/tenants/" + tenant + "/groups").json().toString())
          .contains("JumpCloud SCIM - Engineering");
    }
  }

  @Test
  void incompatibleAndJacksonBundlingPluginsAreRefusedAndReported(@TempDir Path plugins) throws Exception {
    PluginZips.copyExample(plugins, "good.zip");
    PluginZips.variant(plugins, "future-api.zip",
        Map.of("Plugin-Id", "example-future", "Plugin-Requires", ">=2.0.0 & <3.0.0"), Map.of());
    Path jackson = Path.of(ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    PluginZips.variant(plugins, "fat.zip", Map.of("Plugin-Id", "example-fat"),
        Map.of("lib/" + jackson.getFileName(), jackson));
    try (TestGateway gateway = TestGateway.start(Map.of(ConfigLoader.PLUGINS_DIR, plugins.toString()))) {
      JsonNode connectors = gateway.admin().get("/admin/v1/connectors").json();
      assertThat(connectors.get("connectors")).hasSize(1);
      JsonNode refused = connectors.get("refused");
      assertThat(refused).hasSize(2);
      String reasons = refused.toString();
      assertThat(reason(refused, "example-future")).contains("requires connectors API >=2.0.0 & <3.0.0")
          .contains("provides " + ConnectorsApi.VERSION);
      assertThat(reason(refused, "example-fat")).contains("bundles Jackson").contains(jackson.getFileName().toString())
          .contains("provided");
      assertThat(reasons).doesNotContain("example-jumpcloud");
    }
  }

  @Test
  void twoPluginsWithOneIdAreBothRefused(@TempDir Path plugins) throws Exception {
    PluginZips.copyExample(plugins, "one.zip");
    PluginZips.variant(plugins, "two.zip", Map.of("Plugin-Version", "1.0.1"), Map.of());
    ConnectorRegistry registry = PluginHost.load(plugins);
    try {
      assertThat(registry.ids()).isEmpty();
      assertThat(registry.refused()).hasSize(1);
      assertThat(registry.refused().get(0).reason()).contains("plugin id 'example-jumpcloud' is also used by");
    } finally {
      registry.stop();
    }
  }

  @Test
  void aConnectionWhoseConnectorIsMissingFailsReadinessAndGets503() throws Exception {
    try (TestGateway gateway = TestGateway.start(Map.of(ConfigLoader.CONNECTION_RESYNC_SECONDS, "1"))) {
      Http admin = gateway.admin();
      assertThat(admin.get("/admin/v1/connectors").json().get("connectors")).hasSize(4);
      Reply unknown = admin.post("/admin/v1/tenants/" + UUID.randomUUID() + "/connections",
          "{\"vendor\":\"ping\",\"name\":\"x\"}");
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.json().get("detail").asText()).contains("azure-ad, custom, okta, onelogin");

      String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Old\",\"scimEnabled\":true}").json()
          .get("id").asText();
      String connection = UUID.randomUUID().toString();
      gateway.sql("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, status, token_generation,"
          + " token_fingerprint) VALUES ($1::uuid, $2::uuid, 'retired-idp', 'Old IdP', 'Old - ', 'enabled', 1, $3)",
          connection, tenant, "0".repeat(64));
      Reply ready = awaitNotReady(gateway.anonymous());
      assertThat(ready.json().get("missingConnectors").toString()).contains("retired-idp");
      String token = new TokenService(gateway.vertx(), TestGateway.SECRET)
          .issueConnectionToken(UUID.fromString(tenant), UUID.fromString(connection), 1, null);
      Reply scim = new Http(gateway.url() + "/scim/v2/" + connection, token).get("/Users");
      assertThat(scim.status()).isEqualTo(503);
      assertThat(scim.json().get("detail").asText()).contains("'retired-idp' connector");
      assertThat(admin.get("/admin/v1/tenants/" + tenant + "/connections/" + connection).json()
          .get("connectorLoaded").asBoolean()).isFalse();
    }
  }

  private static Reply awaitNotReady(Http http) throws InterruptedException {
    Reply ready = http.get("/health/ready");
    for (int i = 0; i < 50 && ready.status() == 200; i++) {
      Thread.sleep(100);
      ready = http.get("/health/ready");
    }
    assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
    return ready;
  }

  private static String reason(JsonNode refused, String pluginId) {
    for (JsonNode plugin : refused) {
      if (plugin.path("pluginId").asText().equals(pluginId)) {
        return plugin.get("reason").asText();
      }
    }
    return "(not refused)";
  }
}
