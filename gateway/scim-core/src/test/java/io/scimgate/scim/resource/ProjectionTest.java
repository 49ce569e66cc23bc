package io.scimgate.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
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
  void membersAreProjectedOneByOneUnlessAttributesFiltersThem() {
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, null).projectsValuesApart("members")).isTrue();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "members.value", null).projectsValuesApart("members")).isTrue();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, "members[type eq \"Group\"]")
        .projectsValuesApart("members")).isTrue();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "members[type eq \"Group\"]", null)
        .projectsValuesApart("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "displayName,members[type eq \"User\"].value", null)
        .projectsValuesApart("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, " ").keepsEverything()).isTrue();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, "meta").keepsEverything()).isFalse();
  }

  @Test
  void tellsWhetherMembersMustBeRead() {
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, null).includes("members")).isTrue();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, "members").includes("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, "MEMBERS").includes("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "displayName", null).includes("members")).isFalse();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "members.value", null).includes("members")).isTrue();
  }

  @Test
  void aValuePathInAttributesKeepsTheMatchingValues() {
    ObjectNode work = Projection.of(CoreSchemas.USER_TYPE, "emails[type eq \"work\"]", null)
        .apply(CoreSchemas.USER_TYPE, USER);
    assertThat(work.get("emails").toString()).isEqualTo("[{\"value\":\"a@b\",\"type\":\"work\"}]");
    assertThat(work.fieldNames()).toIterable().containsExactlyInAnyOrder("schemas", "id", "emails");

    ObjectNode values = Projection.of(CoreSchemas.USER_TYPE, "userName,EMAILS[TYPE eq \"home\" or value eq \"x,y\"].value",
        null).apply(CoreSchemas.USER_TYPE, USER);
    assertThat(values.get("emails").toString()).isEqualTo("[{\"value\":\"c@d\"}]");
    assertThat(values.get("userName").asText()).isEqualTo("bjensen");

    ObjectNode both = Projection.of(CoreSchemas.USER_TYPE, "emails[type eq \"work\"],emails.type", null)
        .apply(CoreSchemas.USER_TYPE, USER);
    assertThat(both.get("emails").toString())
        .isEqualTo("[{\"value\":\"a@b\",\"type\":\"work\"},{\"type\":\"home\"}]");

    ObjectNode none = Projection.of(CoreSchemas.USER_TYPE, "emails[type eq \"other\"]", null)
        .apply(CoreSchemas.USER_TYPE, USER);
    assertThat(none.has("emails")).as("no value matches: no attribute").isFalse();
  }

  @Test
  void aValuePathInExcludedAttributesDropsTheMatchingValues() {
    ObjectNode out = Projection.of(CoreSchemas.USER_TYPE, null, "emails[type eq \"home\"]")
        .apply(CoreSchemas.USER_TYPE, USER);
    assertThat(out.get("emails").toString()).isEqualTo("[{\"value\":\"a@b\",\"type\":\"work\"}]");
    assertThat(out.get("userName").asText()).isEqualTo("bjensen");
    assertThat(USER.get("emails").size()).as("the input is not modified").isEqualTo(2);
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, null, "members[type eq \"Group\"]").includes("members"))
        .as("a filtered exclusion still needs the members").isTrue();
    assertThat(Projection.of(CoreSchemas.GROUP_TYPE, "members[type eq \"User\"]", null).includes("members"))
        .isTrue();
  }

  @Test
  void aBadValuePathIsAClearError() {
    assertThatThrownBy(() -> Projection.of(CoreSchemas.USER_TYPE, "emails[typo eq \"work\"]", null))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo("invalidFilter");
          assertThat(e.detail()).contains("typo");
        });
    assertThatThrownBy(() -> Projection.of(CoreSchemas.USER_TYPE, "emails[type eq]", null))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    assertThatThrownBy(() -> Projection.of(CoreSchemas.USER_TYPE, null, "userName[value eq \"x\"]"))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    assertThatThrownBy(() -> Projection.of(CoreSchemas.USER_TYPE, "emails[type eq \"work\"]x", null))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
  }
}
