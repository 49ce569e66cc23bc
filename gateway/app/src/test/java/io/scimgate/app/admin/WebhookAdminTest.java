package io.scimgate.app.admin;

import io.scimgate.app.secrets.SecretBox;
import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.TestGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /admin/v1/tenants/{id}/webhook}: the URL and the sealed secret, which no answer ever contains. */
class WebhookAdminTest {
  private static final String SECRET = "whsec_0123456789abcdef";

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void storesTheUrlAndTheSecretSealedAndNeverShowsTheSecret() throws Exception {
    String tenant = newTenant();
    Reply put = admin.put(path(tenant), "{\"url\":\"https://hooks.example.com/scimgate\",\"secret\":\"" + SECRET
        + "\",\"enabled\":true}");
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(fields(put.json())).containsExactly("url", "enabled", "updatedAt");
    assertThat(put.json().get("url").asText()).isEqualTo("https://hooks.example.com/scimgate");
    assertThat(put.json().get("enabled").asBoolean()).isTrue();
    assertThat(put.body()).doesNotContain(SECRET);

    String sealed = storedSecret(tenant);
    assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);
    assertThat(new SecretBox(TestGateway.SECRET).open(sealed)).isEqualTo(SECRET);

    Reply get = admin.get(path(tenant));
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.json()).isEqualTo(put.json());
    assertThat(get.body()).doesNotContain(SECRET).doesNotContain(sealed);
  }

  @Test
  void aPutReplacesEverythingAndEnabledDefaultsToTrue() throws Exception {
    String tenant = newTenant();
    admin.put(path(tenant), "{\"url\":\"https://a.example.com\",\"secret\":\"" + SECRET + "\",\"enabled\":false}");
    String firstSealed = storedSecret(tenant);
    Reply replaced = admin.put(path(tenant), "{\"url\":\"https://b.example.com:8443/hook\",\"secret\":\"another"
        + " secret of enough length\"}");
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().get("url").asText()).isEqualTo("https://b.example.com:8443/hook");
    assertThat(replaced.json().get("enabled").asBoolean()).isTrue();
    assertThat(storedSecret(tenant)).isNotEqualTo(firstSealed);
    assertThat(new SecretBox(TestGateway.SECRET).open(storedSecret(tenant)))
        .isEqualTo("another secret of enough length");
    assertThat(gateway.sql("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'webhook_update'",
        UUID.fromString(tenant))).isEqualTo("2");
  }

  @Test
  void onlyHttpUrlsAndLongEnoughSecrets() throws Exception {
    String tenant = newTenant();
    for (String url : List.of("ftp://files.example.com/x", "javascript:alert(1)", "hooks.example.com/x",
        "https://", "http://exa mple.com", "file:///etc/passwd")) {
      assertThat(assertAdminError(admin.put(path(tenant), "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}"),
          400, "invalidValue")).as(url).contains("'url'");
    }
    assertAdminError(admin.put(path(tenant), "{\"secret\":\"" + SECRET + "\"}"), 400, "invalidValue");
    assertThat(assertAdminError(admin.put(path(tenant), "{\"url\":\"https://a.example.com\",\"secret\":"
        + "\"short\"}"), 400, "invalidValue")).contains("16");
    assertAdminError(admin.put(path(tenant), "{\"url\":\"https://a.example.com\"}"), 400, "invalidValue");
    assertAdminError(admin.put(path(tenant), "{\"url\":\"https://a.example.com\",\"secret\":\"" + SECRET
        + "\",\"enabled\":\"yes\"}"), 400, "invalidValue");
    assertAdminError(admin.put(path(tenant), null), 400, "invalidSyntax");
    assertThat(gateway.sql("SELECT count(*) FROM webhook_endpoints WHERE tenant_id = $1", UUID.fromString(tenant)))
        .isEqualTo("0");
  }

  /** The gateway must not be made to call itself, its network or its cloud's metadata service. */
  @Test
  void refusesUrlsTheGatewayMustNotCall() throws Exception {
    String tenant = newTenant();
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("http://hooks.example.com/x", "https");
    refusals.put("https://user:password@hooks.example.com/x", "credentials");
    refusals.put("https://token@hooks.example.com/x", "credentials");
    refusals.put("https://127.0.0.1/internal-admin/delete-everything", "loopback");
    refusals.put("https://127.8.9.10:8443/", "loopback");
    refusals.put("https://[::1]/", "loopback");
    refusals.put("https://[::ffff:127.0.0.1]/", "loopback");
    refusals.put("https://[::ffff:7f00:1]/", "loopback");
    refusals.put("https://localhost:8080/", "reserved host name");
    refusals.put("https://LOCALHOST./", "reserved host name");
    refusals.put("https://admin.localhost/", "reserved host name");
    refusals.put("https://metadata.google.internal/computeMetadata/v1/", "reserved host name");
    refusals.put("https://0.0.0.0/", "unspecified");
    refusals.put("https://[::]/", "unspecified");
    refusals.put("https://2130706433/", "numeric");
    refusals.put("https://0x7f000001/", "numeric");
    refusals.put("https://0x7f.0.0.1/", "numeric");
    refusals.put("https://0177.0.0.1/", "numeric");
    refusals.put("https://127.1/", "numeric");
    refusals.put("https://169.254.169.254/latest/meta-data/", "link-local");
    refusals.put("https://[fe80::1]/", "link-local");
    refusals.put("https://10.1.2.3/", "private");
    refusals.put("https://172.16.0.1/", "private");
    refusals.put("https://172.31.255.254/", "private");
    refusals.put("https://192.168.1.1/", "private");
    refusals.put("https://[::ffff:10.0.0.1]/", "private");
    refusals.put("https://[fd00::1]/", "unique-local");
    refusals.put("https://[fc00::1]/", "unique-local");
    refusals.put("https://100.64.0.1/", "shared address space");
    refusals.put("https://100.127.255.254/", "shared address space");
    refusals.put("https://224.0.0.1/", "multicast");
    refusals.put("https://[ff02::1]/", "multicast");
    refusals.forEach((url, reason) -> assertThat(assertAdminError(admin.put(path(tenant), "{\"url\":\"" + url
        + "\",\"secret\":\"" + SECRET + "\"}"), 400, "invalidValue")).as(url).contains("'url'").contains(reason));
    assertThat(gateway.sql("SELECT count(*) FROM webhook_endpoints WHERE tenant_id = $1", UUID.fromString(tenant)))
        .isEqualTo("0");

    for (String url : List.of("https://93.184.215.14/hook", "https://172.32.0.1/", "https://100.128.0.1/",
        "https://[2606:4700::1111]/hook", "https://hooks.example.com:8443/x")) {
      Reply put = admin.put(path(tenant), "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}");
      assertThat(put.status()).as(url + ": " + put).isEqualTo(200);
    }
  }

  @Test
  void deleteRemovesItAndUnknownOnesAre404() throws Exception {
    String tenant = newTenant();
    assertAdminError(admin.get(path(tenant)), 404, "Not Found");
    assertAdminError(admin.delete(path(tenant)), 404, "Not Found");
    admin.put(path(tenant), "{\"url\":\"https://a.example.com\",\"secret\":\"" + SECRET + "\"}");
    Reply deleted = admin.delete(path(tenant));
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertAdminError(admin.get(path(tenant)), 404, "Not Found");
    assertThat(gateway.sql("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'webhook_delete'",
        UUID.fromString(tenant))).isEqualTo("1");
    String unknown = "/admin/v1/tenants/" + UUID.randomUUID() + "/webhook";
    assertAdminError(admin.get(unknown), 404, "Not Found");
    assertAdminError(admin.put(unknown, "{\"url\":\"https://a.example.com\",\"secret\":\"" + SECRET + "\"}"), 404,
        "Not Found");
    assertAdminError(admin.delete(unknown), 404, "Not Found");
  }

  private static String newTenant() {
    return admin.post("/admin/v1/tenants", "{\"name\":\"Hooks\"}").json().get("id").asText();
  }

  private static String path(String tenant) {
    return "/admin/v1/tenants/" + tenant + "/webhook";
  }

  private static String storedSecret(String tenant) throws Exception {
    return gateway.sql("SELECT secret_encrypted FROM webhook_endpoints WHERE tenant_id = $1",
        UUID.fromString(tenant));
  }

  private static List<String> fields(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
