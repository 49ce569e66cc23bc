package io.scimgate.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.TestGateway;
import io.scimgate.connectors.api.SetupGuide;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /admin/v1/connectors} gives each connector's setup guide, the steps the admin portal shows beside a
 * new connection's base URL and token; a plugin built before the hook existed, or whose hook fails, gets the
 * generic guide and still loads.
 */
class SetupGuideApiTest {

  @Test
  void everyBundledConnectorAndTheExampleListTheirOwnSteps(@TempDir Path plugins) throws Exception {
    try (DirectoryStream<Path> bundled = Files.newDirectoryStream(Path.of("target", "plugins"), "*.zip")) {
      for (Path zip : bundled) {
        Files.copy(zip, plugins.resolve(zip.getFileName()));
      }
    }
    PluginZips.copyExample(plugins, "jumpcloud-connector.zip");
    try (TestGateway gateway = TestGateway.start(Map.of(ConfigLoader.PLUGINS_DIR, plugins.toString()))) {
      Map<String, JsonNode> guides = guidesById(gateway);
      assertThat(guides).containsOnlyKeys("azure-ad", "custom", "jumpcloud", "okta", "onelogin");
      guides.forEach(SetupGuideApiTest::assertWellFormed);
      assertThat(guides.get("okta").toString()).contains("SCIM connector base URL", "userName", "HTTP Header",
          "Push Groups");
      assertThat(guides.get("azure-ad").toString()).contains("Non-gallery", "Tenant URL", "Secret Token",
          "Test Connection");
      assertThat(guides.get("onelogin").toString()).contains("SCIM Provisioner with SAML (SCIM v2 Enterprise)",
          "SCIM Bearer Token", "Include in User Provisioning");
      assertThat(guides.get("custom").toString()).contains("Authorization: Bearer <token>", "externalId",
          "attributeMappings");
      assertThat(guides.get("jumpcloud").toString()).contains("Identity Management", "Token Key", "Activate");
      assertThat(guides.get("okta").get("docsUrl").asText()).startsWith("https://help.okta.com/");
      assertThat(guides.get("jumpcloud").get("docsUrl").isNull()).isTrue();
    }
  }

  @Test
  void pluginsWithoutAGuideOrWithAFailingOneShowTheGenericGuide(@TempDir Path plugins) throws Exception {
    PluginZips.compiled(plugins, "older.zip", Map.of("Plugin-Id", "older-idps", "Plugin-Version", "0.9.0",
        "Plugin-Provider", "Older Corp", "Plugin-Requires", ">=1.0.0 & <2.0.0"), Map.of(
        "com.older.LegacyConnector", connector("LegacyConnector", "legacy", "Legacy IdP", ""),
        "com.older.ThrowingConnector", connector("ThrowingConnector", "throwing", "Throwing IdP",
            "public io.scimgate.connectors.api.SetupGuide setupGuide() { throw new IllegalStateException(); }"),
        "com.older.SilentConnector", connector("SilentConnector", "silent", "Silent IdP",
            "public io.scimgate.connectors.api.SetupGuide setupGuide() { return null; }")));
    try (TestGateway gateway = TestGateway.start(Map.of(ConfigLoader.PLUGINS_DIR, plugins.toString()))) {
      JsonNode listing = gateway.admin().get("/admin/v1/connectors").json();
      assertThat(listing.get("refused")).isEmpty();
      Map<String, JsonNode> guides = guidesById(gateway);
      assertThat(guides).containsOnlyKeys("legacy", "throwing", "silent");
      for (String name : new String[] {"Legacy", "Throwing", "Silent"}) {
        JsonNode guide = guides.get(name.toLowerCase());
        assertWellFormed(name, guide);
        assertThat(guide.get("summary").asText()).isEqualTo(SetupGuide.generic(name + " IdP").summary());
        assertThat(guide.get("steps")).hasSize(SetupGuide.generic(name + " IdP").steps().size());
      }
    }
  }

  /**
   * The source of a connector with {@code members} added; with none, its class file is what a plugin built
   * against the 1.0 SDK holds: no setupGuide method at all.
   */
  private static String connector(String className, String id, String displayName, String members) {
    return "package com.older;\n"
        + "@org.pf4j.Extension\n"
        + "public final class " + className + " implements io.scimgate.connectors.api.IdpConnector {\n"
        + "  public String id() { return \"" + id + "\"; }\n"
        + "  public String displayName() { return \"" + displayName + "\"; }\n"
        + "  public String defaultGroupPrefix() { return \"" + displayName + " - \"; }\n"
        + "  " + members + "\n"
        + "}\n";
  }

  private static Map<String, JsonNode> guidesById(TestGateway gateway) {
    Map<String, JsonNode> guides = new LinkedHashMap<>();
    for (JsonNode connector : gateway.admin().get("/admin/v1/connectors").json().get("connectors")) {
      assertThat(connector.get("state").asText()).isEqualTo("STARTED");
      guides.put(connector.get("id").asText(), connector.get("setupGuide"));
    }
    return guides;
  }

  private static void assertWellFormed(String id, JsonNode guide) {
    assertThat(guide.get("summary").asText()).as("%s summary", id).isNotBlank();
    assertThat(guide.has("docsUrl")).as("%s docsUrl present (null or https)", id).isTrue();
    assertThat(guide.get("steps")).as("%s steps", id).isNotEmpty().allSatisfy(step -> {
      assertThat(step.get("title").asText()).isNotBlank();
      assertThat(step.get("instructions").isTextual()).isTrue();
    });
  }
}
