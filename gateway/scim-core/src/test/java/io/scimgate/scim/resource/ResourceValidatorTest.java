package io.scimgate.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.CoreSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResourceValidatorTest {
  private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;

  @Test
  void canonicalisesNamesAndDropsReadOnlyWriteOnlyUnknownAndNull() {
    ObjectNode doc = user("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"USERNAME":"bjensen","id":"x",
         "meta":{"resourceType":"User"},"groups":[{"value":"g"}],"password":"secret","nickname":"Babs",
         "favouriteColour":"blue","addresses":null,"NAME":{"GIVENNAME":"Barbara","middleName":null}}""");
    assertThat(doc.get("userName").asText()).isEqualTo("bjensen");
    assertThat(doc.get("nickName").asText()).isEqualTo("Babs");
    assertThat(doc.get("name").get("givenName").asText()).isEqualTo("Barbara");
    assertThat(doc.get("name").has("middleName")).isFalse();
    for (String gone : new String[] {"id", "meta", "groups", "password", "favouriteColour", "addresses"}) {
      assertThat(doc.has(gone)).as(gone).isFalse();
    }
  }

  @Test
  void keepsTheEnterpriseExtensionUnderItsUrnAndListsIt() {
    ObjectNode doc = user("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"a",
         "%s":{"employeeNumber":"42","manager":{"value":"m1","displayName":"read-only"}},
         "urn:example:unknown:1.0":{"x":1}}""".formatted(ENTERPRISE, ENTERPRISE));
    assertThat(doc.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("42");
    assertThat(doc.get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo("m1");
    assertThat(doc.get(ENTERPRISE).get("manager").has("displayName")).isFalse();
    assertThat(doc.has("urn:example:unknown:1.0")).isFalse();
    assertThat(doc.get("schemas")).hasSize(2);
  }

  @Test
  void schemasMayBeAbsentButMustNameTheCoreSchemaWhenPresent() {
    assertThat(user("{\"userName\":\"a\"}").get("schemas").get(0).asText()).isEqualTo(CoreSchemas.USER_URN);
    assertInvalid("{\"schemas\":\"urn:ietf:params:scim:schemas:core:2.0:User\",\"userName\":\"a\"}", "schemas");
    assertInvalid("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"userName\":\"a\"}", "schemas");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"displayName\":\"x\"}                                   | userName",
      "{\"userName\":\"  \"}                                      | userName",
      "{\"userName\":true}                                       | userName",
      "{\"userName\":\"a\",\"active\":\"True\"}                  | active",
      "{\"userName\":\"a\",\"name\":\"Barbara\"}                 | name",
      "{\"userName\":\"a\",\"emails\":{\"value\":\"a@b\"}}       | emails",
      "{\"userName\":\"a\",\"emails\":[\"a@b\"]}                 | emails",
      "{\"userName\":\"a\",\"emails\":[{\"value\":1}]}           | emails.value",
      "{\"userName\":\"a\",\"emails\":[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":true}]} | primary",
  })
  void typeViolationsNameTheAttribute(String body, String attribute) {
    assertInvalid(body, attribute);
  }

  @Test
  void groupsNeedADisplayNameAndKeepMembers() {
    ObjectNode group = ResourceValidator.validate(CoreSchemas.GROUP_TYPE,
        ScimJson.parse("{\"displayName\":\"Eng\",\"members\":[{\"value\":\"u1\",\"$ref\":null,\"display\":\"x\"}]}"));
    assertThat(group.get("members").get(0).get("value").asText()).isEqualTo("u1");
    assertThat(group.get("members").get(0).has("display")).as("display is read-only").isFalse();
    assertThatThrownBy(() -> ResourceValidator.validate(CoreSchemas.GROUP_TYPE, ScimJson.parse("{}")))
        .isInstanceOf(ScimException.class).hasMessageContaining("displayName");
  }

  @Test
  void nonObjectBodiesAreInvalidSyntax() {
    assertThatThrownBy(() -> ResourceValidator.validate(CoreSchemas.USER_TYPE, ScimJson.parse("[]")))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
  }

  private static ObjectNode user(String json) {
    return ResourceValidator.validate(CoreSchemas.USER_TYPE, ScimJson.parse(json));
  }

  private static void assertInvalid(String json, String named) {
    JsonNode body = ScimJson.parse(json);
    assertThatThrownBy(() -> ResourceValidator.validate(CoreSchemas.USER_TYPE, body))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo("invalidValue");
          assertThat(e.detail()).contains(named);
        });
  }
}
