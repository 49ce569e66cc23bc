package io.scimgate.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.CoreSchemas;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
  private static final ObjectNode USER = (ObjectNode) ScimJson.parse("""
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"bjensen",
       "name":{"givenName":"Barbara","familyName":"Jensen"},
       "emails":[{"value":"a@b","type":"work"},{"value":"c@d","type":"home"}],
       "%s":{"department":"R&D","employeeNumber":"7"},
       "meta":{"resourceType":"User","version":"W/\\"1\\""}}""".formatted(ENTERPRISE));

  @Test
  void attributesKeepsOnlyWhatWasAskedPlusAlwaysReturned() {
    ObjectNode out = Projection.of(CoreSchemas.USER_TYPE, "userName,name.familyName,emails.value", null)
        .apply(CoreSchemas.USER_TYPE, USER);
    assertThat(out.fieldNames()).toIterable().containsExactlyInAnyOrder("schemas", "id", "userName", "name", "emails");
    assertThat(out.get("name").fieldNames()).toIterable().containsExactly("familyName");
    assertThat(out.get("emails").get(1).fieldNames()).toIterable().containsExactly("value");
  }

  @Test
  void attributesAreCaseInsensitiveAndUrnQualified() {
    ObjectNode out = Projection.of(CoreSchemas.USER_TYPE,
        "urn:ietf:params:scim:schemas:core:2.0:User:USERNAME," + ENTERPRISE + ":department", null)
        .apply(CoreSchemas.USER_TYPE, USER);
    assertThat(out.get("userName").asText()).isEqualTo("bjensen");
    assertThat(out.get(ENTERPRISE).fieldNames()).toIterable().containsExactly("department");
  }

  @Test
  void excludedAttributesNeverRemovesId() {
    ObjectNode out = Projection.of(CoreSchemas.USER_TYPE, null, "id,emails,name.givenName," + ENTERPRISE)
        .apply(CoreSchemas.USER_TYPE, USER);
    assertThat(out.get("id").asText()).isEqualTo("u1");
    assertThat(out.has("emails")).isFalse();
    assertThat(out.has(ENTERPRISE)).isFalse();
    assertThat(out.get("name").fieldNames()).toIterable().containsExactly("familyName");
    assertThat(USER.has("emails")).as("the input is not modified").isTrue();
  }

  @Test
  void returnedOnRequestAttributesNeedToBeAskedFor() {
    assertThat(Projection.of(CoreSchemas.USER_TYPE, null, null).includes("groups")).isFalse();
    assertThat(Projection.of(CoreSchemas.USER_TYPE, "userName", null).includes("groups")).isFalse();
    assertThat(Projection.of(CoreSchemas.USER_TYPE, "groups", null).includes("groups")).isTrue();
    assertThat(Projection.of(CoreSchemas.USER_TYPE, "groups", "groups").includes("groups")).isFalse();
  }

  @Test
  void tellsWhetherMembersMustBeRead() {
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, null).includes("members")).isTrue();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, "members").includes("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, "MEMBERS").includes("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "displayName", null).includes("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "members.value", null).includes("members")).isTrue();
  }
}
