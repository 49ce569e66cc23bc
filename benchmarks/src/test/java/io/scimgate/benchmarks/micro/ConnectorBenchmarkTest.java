package io.scimgate.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fixtures of {@link ConnectorBenchmark} still reach the rewrites it claims to measure: a fixture that a
 * connector change made a pass-through would keep producing scores, of the wrong thing.
 */
class ConnectorBenchmarkTest {
  private final ConnectorBenchmark benchmark = new ConnectorBenchmark();

  @BeforeEach
  void setUp() {
    benchmark.setUp();
  }

  @Test
  void entraPatchIsRewritten() {
    assertThat(benchmark.entraPatch().get(0).toString()).isEqualTo(
        "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
    assertThat(benchmark.entraPatch().findValuesAsText("op")).containsOnly("replace");
  }

  @Test
  void entraEmailFilterGetsTheRfcForm() {
    assertThat(benchmark.entraEmailFilter())
        .isEqualTo("emails[type eq \"work\" and value eq \"updatedEmail@microsoft.com\"]");
    assertThat(benchmark.entraFilter()).isEqualTo(Fixtures.ENTRA_EXTERNAL_ID_FILTER);
  }

  @Test
  void oktaDropsTheRenameIdAndThePassword() {
    assertThat(benchmark.oktaGroupRename().get(0).get("value").has("id")).isFalse();
    assertThat(benchmark.oktaCreateUser().has("password")).isFalse();
    assertThat(benchmark.oktaCreateUser().has("groups")).isFalse();
  }

  @Test
  void oneLoginUserIsUpgradedAndCleaned() {
    String user = benchmark.oneLoginUser().toString();
    assertThat(user).contains(Fixtures.ENTERPRISE, "\"primary\":true").doesNotContain("urn:scim:schemas", "{$");
    assertThat(benchmark.oneLoginUser().has("externalId")).isFalse();
  }

  @Test
  void customUserIsMapped() {
    assertThat(benchmark.customMappedUser().at("/" + Fixtures.ENTERPRISE + "/department").asText())
        .isEqualTo("Payroll");
  }

  @Test
  void productGroupNameHasOktasPrefix() {
    assertThat(benchmark.productGroupName()).isEqualTo("Okta SCIM - Test SCIMv2");
  }
}
