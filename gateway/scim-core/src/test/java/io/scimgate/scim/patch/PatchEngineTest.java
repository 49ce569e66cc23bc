package io.scimgate.scim.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.CoreSchemas;
import io.scimgate.scim.schema.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** The PATCH examples of RFC 7644 §3.5.2 and the RFC-conformant IdP fixtures (docs/idp-behaviour.md). */
class PatchEngineTest {
  private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
  private static final String BJENSEN = resource("/patch/user-before-patch.json");

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/patch/user-patch-examples.csv", delimiter = '|', quoteCharacter = '`')
  void userExamples(String name, String operation, String pointer, String expected) {
    JsonNode result = patchUser(operation).doc().at(pointer.strip().replace("~", "~0").replace("urn:", "urn:"));
    if (expected.strip().equals("<missing>")) {
      assertThat(result.isMissingNode()).as(name + ": " + result).isTrue();
    } else {
      assertThat(result.asText()).as(name).isEqualTo(expected.strip());
    }
  }

  @Test
  void changeSetReportsTouchedAttributesAndActiveFlips() {
    PatchResult deactivated = patchUser("{\"op\":\"replace\",\"value\":{\"active\":false,\"title\":\"x\"}}");
    assertThat(deactivated.activeChanged()).isTrue();
    assertThat(deactivated.activeFrom()).isTrue();
    assertThat(deactivated.activeTo()).isFalse();
    assertThat(deactivated.touched()).containsExactlyInAnyOrder("active", "title");
    assertThat(patchUser("{\"op\":\"replace\",\"value\":{\"active\":true}}").activeChanged()).isFalse();
  }

  @Test
  void groupMembershipBecomesMemberChanges() {
    // RFC add member, Okta P11 remove + add in order, Entra P4/P5, JumpCloud/Entra P3 remove by value
    MemberChanges add = patchGroup("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"Babs\","
        + "\"$ref\":null,\"value\":\"2819c223\"}]}").members();
    assertThat(add.added()).containsExactly("2819c223");
    MemberChanges okta = patchGroup("{\"op\":\"remove\",\"path\":\"members[value eq \\\"89bb1940\\\"]\"}",
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"23a35c27\",\"display\":\"t@okta.local\"}]}")
        .members();
    assertThat(okta.removed()).containsExactly("89bb1940");
    assertThat(okta.added()).containsExactly("23a35c27");
    assertThat(patchGroup("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1091\"}]}")
        .members().removed()).containsExactly("u1091");
    MemberChanges cleared = patchGroup("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}").members();
    assertThat(cleared.replaceAll()).isTrue();
    assertThat(cleared.added()).isEmpty();
    MemberChanges rfcReplace = patchGroup("{\"op\":\"remove\",\"path\":\"members\"}",
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"a\"},{\"value\":\"b\"}]}").members();
    assertThat(rfcReplace.replaceAll()).isTrue();
    assertThat(rfcReplace.added()).containsExactlyInAnyOrder("a", "b");
    MemberChanges net = patchGroup("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"x\"}]}",
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"x\\\" or value eq \\\"y\\\"]\"}").members();
    assertThat(net.added()).isEmpty();
    assertThat(net.removed()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void oktaRenameIgnoresTheIdInTheValue() {
    PatchResult renamed = patchGroup("{\"op\":\"replace\",\"value\":{\"id\":\"abf4dd94\",\"displayName\":\"Test SCIMv2\"}}");
    assertThat(renamed.doc().get("displayName").asText()).isEqualTo("Test SCIMv2");
    assertThat(renamed.doc().has("id")).isFalse();
    assertThat(renamed.members().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "readOnly meta | {\"op\":\"replace\",\"path\":\"meta.created\",\"value\":\"2020-01-01T00:00:00Z\"} | mutability",
      "readOnly groups | {\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g\"}]} | mutability",
      "unknown attribute | {\"op\":\"replace\",\"path\":\"favouriteColour\",\"value\":\"blue\"} | invalidPath",
      "bad path | {\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"} | invalidPath",
      "remove without path | {\"op\":\"remove\"} | noTarget",
      "no match | {\"op\":\"replace\",\"path\":\"emails[type eq \\\"pager\\\"]\",\"value\":{\"value\":\"x\"}} | noTarget",
      "wrong type | {\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"} | invalidValue",
      "required removed | {\"op\":\"remove\",\"path\":\"userName\"} | invalidValue",
      "bad op | {\"op\":\"merge\",\"path\":\"title\",\"value\":\"x\"} | invalidValue",
      "multi-valued sub without filter | {\"op\":\"replace\",\"path\":\"emails.value\",\"value\":\"x\"} | invalidPath",
  })
  void refusesWithTheRightScimType(String name, String operation, String scimType) {
    ObjectNode stored = (ObjectNode) ScimJson.parse(BJENSEN);
    ObjectNode before = stored.deepCopy();
    assertThatThrownBy(() -> patch(CoreSchemas.USER_TYPE, stored, operation))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).as(e.detail()).isEqualTo(scimType.strip());
        });
    assertThat(stored).as("the stored document is untouched").isEqualTo(before);
  }

  @Test
  void aFailingOperationAbortsTheWholeRequest() {
    ObjectNode stored = (ObjectNode) ScimJson.parse(BJENSEN);
    ObjectNode before = stored.deepCopy();
    assertThatThrownBy(() -> patch(CoreSchemas.USER_TYPE, stored,
        "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Changed\"}",
        "{\"op\":\"replace\",\"path\":\"nope\",\"value\":1}")).isInstanceOf(ScimException.class);
    assertThat(stored).isEqualTo(before);
  }

  private static PatchResult patchUser(String... operations) {
    return patch(CoreSchemas.USER_TYPE, (ObjectNode) ScimJson.parse(BJENSEN), operations);
  }

  private static PatchResult patchGroup(String... operations) {
    return patch(CoreSchemas.GROUP_TYPE, (ObjectNode) ScimJson.parse("{\"displayName\":\"Group A\"}"), operations);
  }

  private static String resource(String name) {
    try (var in = PatchEngineTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static PatchResult patch(ResourceType type, ObjectNode stored, String... operations) {
    String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + String.join(",", operations) + "]}";
    List<PatchOperation> parsed = PatchRequest.parse(ScimJson.parse(body));
    return PatchEngine.apply(type, stored, parsed);
  }
}
