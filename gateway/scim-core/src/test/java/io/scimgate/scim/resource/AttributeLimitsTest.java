package io.scimgate.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.discovery.DiscoveryDocuments;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.scim.schema.CoreSchemas;
import io.scimgate.scim.schema.InputLimits;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The limits of {@link InputLimits} as validation applies them and /Schemas advertises them. */
class AttributeLimitsTest {
  private static final String EMOJI = "\uD83D\uDE00";

  @ParameterizedTest
  @CsvSource({"userName, 256", "displayName, 256", "externalId, 256", "title, 4096", "nickName, 4096"})
  void stringsAtTheLimitPassAndOneMoreIsRefusedNamingTheLimit(String attribute, int limit) {
    assertThat(user(attribute, "a".repeat(limit)).get(attribute).asText()).hasSize(limit);
    assertThatThrownBy(() -> user(attribute, "a".repeat(limit + 1)))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo("invalidValue");
          assertThat(e.detail()).contains("'" + attribute + "'").contains(Integer.toString(limit));
        });
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    assertThat(user("displayName", EMOJI.repeat(256)).get("displayName").asText()).isEqualTo(EMOJI.repeat(256));
    assertThatThrownBy(() -> user("displayName", EMOJI.repeat(257))).hasMessageContaining("256");
  }

  @Test
  void textPostgresqlCannotStoreIsRefused() {
    assertThatThrownBy(() -> user("title", "a\uD800b")).hasMessageContaining("'title'")
        .hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> user("title", "a\uDE00")).hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> user("title", "a\u0000")).hasMessageContaining("NUL");
    assertThat(user("title", EMOJI).get("title").asText()).isEqualTo(EMOJI);
  }

  @Test
  void subAttributesAndExtensionsHaveTheirLimits() {
    assertThatThrownBy(() -> validate("{\"userName\":\"a\",\"emails\":[{\"value\":\"" + "e".repeat(257) + "\"}]}"))
        .hasMessageContaining("'emails.value'").hasMessageContaining("256");
    assertThatThrownBy(() -> validate("{\"userName\":\"a\",\"" + CoreSchemas.ENTERPRISE_USER_URN
        + "\":{\"department\":\"" + "d".repeat(4097) + "\"}}")).hasMessageContaining("department")
        .hasMessageContaining("4096");
    assertThat(validate("{\"userName\":\"a\",\"x509Certificates\":[{\"value\":\"" + "c".repeat(8000) + "\"}]}")
        .get("x509Certificates")).hasSize(1);
  }

  @Test
  void multiValuedAttributesHoldAHundredValuesButMembersAreUnbounded() {
    String emails = String.join(",", Collections.nCopies(101, "{\"value\":\"a@b.c\"}"));
    assertThatThrownBy(() -> validate("{\"userName\":\"a\",\"emails\":[" + emails + "]}"))
        .hasMessageContaining("'emails' has 101 values").hasMessageContaining("100");
    String members = String.join(",", Collections.nCopies(500, "{\"value\":\"m\"}"));
    ObjectNode group = ResourceValidator.validate(CoreSchemas.GROUP_TYPE,
        ScimJson.parse("{\"displayName\":\"g\",\"members\":[" + members + "]}"));
    assertThat(group.get("members")).hasSize(500);
  }

  @Test
  void patchTakesAThousandOperationsAndRefusesMoreAs400() {
    String operation = "{\"op\":\"remove\",\"path\":\"title\"}";
    assertThat(PatchRequest.parse(patch(1000, operation))).hasSize(1000);
    assertThatThrownBy(() -> PatchRequest.parse(patch(1001, operation)))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).contains("'Operations'").contains("1000");
        });
  }

  @Test
  void schemasDescribeTheLimitsOfWritableAttributes() {
    ObjectNode schema = DiscoveryDocuments.schema(CoreSchemas.USER, "https://x");
    assertThat(description(schema, "userName")).endsWith("At most 256 characters.");
    assertThat(description(schema, "emails")).endsWith("At most 100 values.");
    assertThat(description(schema, "active")).doesNotContain("At most");
    assertThat(description(schema, "groups")).doesNotContain("At most");
  }

  private static String description(ObjectNode schema, String attribute) {
    for (var definition : schema.get("attributes")) {
      if (definition.get("name").asText().equals(attribute)) {
        return definition.get("description").asText();
      }
    }
    throw new AssertionError(attribute);
  }

  private static com.fasterxml.jackson.databind.JsonNode patch(int count, String operation) {
    return ScimJson.parse("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + String.join(",", Collections.nCopies(count, operation)) + "]}");
  }

  private static ObjectNode user(String attribute, String value) {
    ObjectNode body = ScimJson.object().put("userName", "u");
    body.put(attribute, value);
    return ResourceValidator.validate(CoreSchemas.USER_TYPE, body);
  }

  private static ObjectNode validate(String json) {
    return ResourceValidator.validate(CoreSchemas.USER_TYPE, ScimJson.parse(json));
  }
}
