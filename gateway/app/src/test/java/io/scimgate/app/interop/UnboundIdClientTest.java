package io.scimgate.app.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.types.PaginationConfig;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.ScimClient;
import jakarta.ws.rs.client.Client;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * UnboundID / Ping Identity's SCIM 2 SDK against a real gateway: the newest release (5.x, on the test classpath)
 * and every 4.x the build copies (each in its own {@link IsolatedClient}). Each reads /ServiceProviderConfig,
 * creates, reads, searches and patches a user. 4.x refuses a /ServiceProviderConfig with RFC 9865's
 * {@code pagination} ("Core attribute pagination is undefined"), which is why connections leave it out unless
 * their {@code advertisePagination} is on; 5.x reads it either way.
 */
class UnboundIdClientTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient plain;
  private static ScimClient paginated;

  @BeforeAll
  static void setUp() {
    plain = gateway.newConnection("custom");
    paginated = gateway.newConnection("custom");
    Http admin = gateway.admin();
    admin.patch("/admin/v1/tenants/" + paginated.tenantId() + "/connections/" + paginated.connectionId(),
        "{\"advertisePagination\":true}");
  }

  static List<String> legacyVersions() throws Exception {
    List<String> versions = IsolatedClient.versions();
    assertThat(versions).as("the build copies the 4.x SDKs to " + IsolatedClient.VERSIONS).isNotEmpty();
    return versions;
  }

  @Test
  void theNewestClientWorksWithAndWithoutPagination() throws Exception {
    assertScenario(UnboundIdScenario.run(plain.scim().baseUrl(), plain.token(), userName()));
    assertScenario(UnboundIdScenario.run(paginated.scim().baseUrl(), paginated.token(), userName()));

    Client client = UnboundIdScenario.client();
    try {
      ScimService scim = new ScimService(client.target(paginated.scim().baseUrl())
          .register(new UnboundIdScenario.BearerToken(paginated.token())));
      PaginationConfig pagination = scim.getServiceProviderConfig().getPagination();
      assertThat(pagination.supportsCursorPagination()).isTrue();
      assertThat(pagination.supportsIndexPagination()).isTrue();
    } finally {
      client.close();
    }
  }

  @ParameterizedTest(name = "SDK {0}")
  @MethodSource("legacyVersions")
  void a4xClientWorksWithTheDefaultAndRefusesPagination(String version) throws Exception {
    try (IsolatedClient legacy = IsolatedClient.of(version)) {
      assertThat(legacy.sdkJarOf("com.unboundid.scim2.client.ScimService"))
          .isEqualTo("scim2-sdk-client-" + version + ".jar");
      assertScenario(legacy.run(plain.scim().baseUrl(), plain.token(), userName()));

      assertThatThrownBy(() -> legacy.run(paginated.scim().baseUrl(), paginated.token(), userName()))
          .as("why pagination is off by default").rootCause()
          .hasMessageContaining("Core attribute pagination is undefined");
    }
  }

  private static void assertScenario(Map<String, String> seen) {
    assertThat(seen.get("patchSupported")).isEqualTo("true");
    assertThat(seen.get("createdId")).isNotBlank();
    assertThat(seen.get("readUserName")).startsWith("unboundid-");
    assertThat(seen.get("searchTotal")).isEqualTo("1");
    assertThat(seen.get("searchFirstId")).isEqualTo(seen.get("createdId"));
    assertThat(seen.get("patchedTitle")).isEqualTo("Engineer");
  }

  private static String userName() {
    return "unboundid-" + UUID.randomUUID() + "@example.com";
  }
}
