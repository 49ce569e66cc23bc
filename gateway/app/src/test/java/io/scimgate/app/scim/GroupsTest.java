package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /Groups with membership in its own table. */
class GroupsTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static ScimClient okta;
  private static Http scim;

  @BeforeAll
  static void setUp() {
    okta = gateway.newConnection("okta");
    scim = okta.scim();
  }

  @Test
  void oktaGroupPushCreatesAnEmptyGroupWithTheIdpsOwnName() {
    Reply created = scim.post("/Groups", "{\"displayName\":\"Test SCIMv2\",\"members\":[]}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode group = created.json();
    assertThat(group.get("displayName").asText()).isEqualTo("Test SCIMv2");
    assertThat(group.get("members")).isEmpty();
    assertThat(group.get("meta").get("resourceType").asText()).isEqualTo("Group");
    assertThat(created.header("Location")).isEqualTo(scim.baseUrl() + "/Groups/" + group.get("id").asText());
  }

  @Test
  void membersAreStoredAndShownWithDisplayTypeAndRef() {
    String alice = user("alice@okta.local");
    String bob = user("bob@okta.local");
    JsonNode group = scim.post("/Groups", Fixtures.group("Engineering", alice, bob)).json();
    String id = group.get("id").asText();

    JsonNode read = scim.get("/Groups/" + id).json();
    assertThat(read.get("members")).hasSize(2);
    List<String> values = new ArrayList<>();
    read.get("members").forEach(member -> {
      values.add(member.get("value").asText());
      assertThat(member.get("type").asText()).isEqualTo("User");
      assertThat(member.get("$ref").asText()).isEqualTo(scim.baseUrl() + "/Users/" + member.get("value").asText());
      assertThat(member.get("display").asText()).isEqualTo("Test User");
    });
    assertThat(values).containsExactlyInAnyOrder(alice, bob);
  }

  @Test
  void excludedAttributesMembersLeavesMembersOut() {
    String carol = user("carol@okta.local");
    String id = scim.post("/Groups", Fixtures.group("Contractors", carol)).json().get("id").asText();
    JsonNode single = scim.get("/Groups/" + id + "?excludedAttributes=members").json();
    assertThat(single.has("members")).isFalse();
    assertThat(single.get("displayName").asText()).isEqualTo("Contractors");
    JsonNode list = scim.get("/Groups?excludedAttributes=members&filter=displayName%20eq%20%22contractors%22").json();
    assertThat(list.get("totalResults").asInt()).isEqualTo(1);
    assertThat(list.get("Resources").get(0).has("members")).isFalse();
    JsonNode withMembers = scim.get("/Groups?filter=displayName%20eq%20%22Contractors%22").json();
    assertThat(withMembers.get("Resources").get(0).get("members")).hasSize(1);
  }

  @Test
  void putReplacesTheMemberSetOmittedMembersKeepIt() {
    String dave = user("dave@okta.local");
    String erin = user("erin@okta.local");
    String id = scim.post("/Groups", Fixtures.group("Sales", dave)).json().get("id").asText();

    JsonNode replaced = scim.put("/Groups/" + id, Fixtures.group("Sales EMEA", erin)).json();
    assertThat(replaced.get("displayName").asText()).isEqualTo("Sales EMEA");
    assertThat(replaced.get("members")).hasSize(1);
    assertThat(replaced.get("members").get(0).get("value").asText()).isEqualTo(erin);

    JsonNode renamed = scim.put("/Groups/" + id, "{\"displayName\":\"Sales World\"}").json();
    assertThat(renamed.get("members")).as("PUT without members keeps membership").hasSize(1);

    JsonNode cleared = scim.put("/Groups/" + id, "{\"displayName\":\"Sales World\",\"members\":[]}").json();
    assertThat(cleared.get("members")).isEmpty();
  }

  @Test
  void unknownMembersAreRefusedWithoutPartialEffects() throws Exception {
    String frank = user("frank@okta.local");
    long groupsBefore = Long.parseLong(gateway.sql("SELECT count(*) FROM scim_groups"));
    Reply refused = scim.post("/Groups", Fixtures.group("Ghosts", frank, UUID.randomUUID().toString()));
    assertScimError(refused, 400, "invalidValue");
    assertScimError(scim.post("/Groups", Fixtures.group("Ghosts", "not-an-id")), 400, "invalidValue");
    assertThat(Long.parseLong(gateway.sql("SELECT count(*) FROM scim_groups"))).isEqualTo(groupsBefore);

    String id = scim.post("/Groups", Fixtures.group("Real", frank)).json().get("id").asText();
    assertScimError(scim.put("/Groups/" + id, Fixtures.group("Renamed", UUID.randomUUID().toString())), 400,
        "invalidValue");
    JsonNode after = scim.get("/Groups/" + id).json();
    assertThat(after.get("displayName").asText()).as("failed PUT changed nothing").isEqualTo("Real");
    assertThat(after.get("members")).hasSize(1);
  }

  @Test
  void membersOfAnotherConnectionAreUnknownHere() {
    ScimClient other = gateway.newConnection("onelogin");
    String stranger = other.scim().post("/Users", Fixtures.oktaUser("stranger@onelogin.local")).json()
        .get("id").asText();
    assertScimError(scim.post("/Groups", Fixtures.group("Mixed", stranger)), 400, "invalidValue");
  }

  @Test
  void deletingAUserRemovesItsMemberships() {
    String gina = user("gina@okta.local");
    String id = scim.post("/Groups", Fixtures.group("Leavers", gina)).json().get("id").asText();
    assertThat(scim.delete("/Users/" + gina).status()).isEqualTo(204);
    assertThat(scim.get("/Groups/" + id).json().get("members")).isEmpty();
  }

  @Test
  void usersShowTheGroupsTheyBelongTo() {
    String hank = user("hank@okta.local");
    String first = scim.post("/Groups", Fixtures.group("Alpha team", hank)).json().get("id").asText();
    String second = scim.post("/Groups", Fixtures.group("Beta team", hank)).json().get("id").asText();

    assertThat(scim.get("/Users/" + hank).json().has("groups")).as("returned on request only").isFalse();
    JsonNode read = scim.get("/Users/" + hank + "?attributes=userName,groups").json();
    List<String> names = new ArrayList<>();
    read.get("groups").forEach(group -> {
      names.add(group.get("display").asText());
      assertThat(group.get("type").asText()).isEqualTo("direct");
      assertThat(group.get("$ref").asText()).isEqualTo(scim.baseUrl() + "/Groups/" + group.get("value").asText());
    });
    assertThat(names).containsExactly("Alpha team", "Beta team");
    JsonNode listed = scim.get("/Users?attributes=groups&filter=userName%20eq%20%22hank%40okta.local%22").json();
    assertThat(listed.get("Resources").get(0).get("groups")).hasSize(2);
    assertThat(scim.get("/Users?filter=groups.value%20eq%20%22" + second + "%22").json().get("totalResults").asInt())
        .isEqualTo(1);
    scim.delete("/Groups/" + first);
    assertThat(scim.get("/Users/" + hank + "?attributes=groups").json().get("groups")).hasSize(1);
  }

  @Test
  void deleteGroupThen404() {
    String id = scim.post("/Groups", Fixtures.group("Temporary")).json().get("id").asText();
    assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
    assertScimError(scim.get("/Groups/" + id), 404, null);
  }

  @Test
  void missingDisplayNameIsInvalidValue() {
    assertScimError(scim.post("/Groups", "{\"members\":[]}"), 400, "invalidValue");
  }

  @Test
  void theProductShowsTheVendorPrefixedName() {
    scim.post("/Groups", Fixtures.group("Contractors-Prefixed"));
    JsonNode groups = gateway.admin().get("/admin/v1/tenants/" + okta.tenantId() + "/groups?limit=1000").json();
    List<String> names = new ArrayList<>();
    groups.get("items").forEach(group -> names.add(group.get("name").asText()));
    assertThat(names).contains("Okta SCIM - Contractors-Prefixed");
    JsonNode scimView = scim.get("/Groups?filter=displayName%20eq%20%22Contractors-Prefixed%22").json();
    assertThat(scimView.get("Resources").get(0).get("displayName").asText()).isEqualTo("Contractors-Prefixed");
  }

  private static String user(String userName) {
    return scim.post("/Users", Fixtures.oktaUser(userName)).json().get("id").asText();
  }
}
