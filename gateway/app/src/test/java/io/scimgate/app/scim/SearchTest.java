package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST .search (RFC 7644 §3.4.3) on /Users, /Groups and the root. */
class SearchTest {
  private static final String SEARCH = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void seed() {
    scim = gateway.newConnection("okta").scim();
    for (String name : new String[] {"ann", "ben", "cat"}) {
      scim.post("/Users", "{\"userName\":\"" + name + "\",\"displayName\":\"Engineer " + name + "\"}");
    }
    scim.post("/Groups", "{\"displayName\":\"Engineering\"}");
    scim.post("/Groups", "{\"displayName\":\"Sales\"}");
  }

  @Test
  void usersSearchTakesTheQueryFromTheBody() {
    JsonNode result = search("/Users/.search", "{" + SEARCH + ",\"filter\":\"userName sw \\\"a\\\" or userName eq "
        + "\\\"cat\\\"\",\"attributes\":[\"userName\"],\"sortBy\":\"userName\",\"sortOrder\":\"descending\","
        + "\"startIndex\":1,\"count\":10}");
    assertThat(result.get("totalResults").asInt()).isEqualTo(2);
    assertThat(names(result, "userName")).containsExactly("cat", "ann");
    assertThat(result.get("Resources").get(0).has("displayName")).as("attributes applied").isFalse();
    assertThat(result.get("Resources").get(0).has("id")).isTrue();
  }

  @Test
  void groupsSearchHonoursExcludedAttributes() {
    JsonNode result = search("/Groups/.search", "{" + SEARCH + ",\"filter\":\"displayName eq \\\"sales\\\"\","
        + "\"excludedAttributes\":[\"members\"]}");
    assertThat(names(result, "displayName")).containsExactly("Sales");
    assertThat(result.get("Resources").get(0).has("members")).isFalse();
  }

  @Test
  void rootSearchSpansUsersThenGroups() {
    JsonNode all = search("/.search", "{" + SEARCH + ",\"filter\":\"displayName sw \\\"Eng\\\"\"}");
    assertThat(all.get("totalResults").asInt()).isEqualTo(4);
    List<String> types = new ArrayList<>();
    all.get("Resources").forEach(r -> types.add(r.get("meta").get("resourceType").asText()));
    assertThat(types).containsExactly("User", "User", "User", "Group");

    JsonNode second = search("/.search", "{" + SEARCH + ",\"filter\":\"displayName sw \\\"Eng\\\"\","
        + "\"startIndex\":3,\"count\":2}");
    assertThat(second.get("totalResults").asInt()).isEqualTo(4);
    assertThat(second.get("itemsPerPage").asInt()).isEqualTo(2);
    assertThat(second.get("Resources").get(0).get("userName").asText()).isEqualTo("cat");
    assertThat(second.get("Resources").get(1).get("displayName").asText()).isEqualTo("Engineering");

    JsonNode usersOnly = search("/.search", "{" + SEARCH + ",\"filter\":\"userName eq \\\"ben\\\"\"}");
    assertThat(usersOnly.get("totalResults").asInt()).isEqualTo(1);
  }

  @Test
  void badSearchesAreClearErrors() {
    assertScimError(scim.post("/.search", "{" + SEARCH + ",\"filter\":\"nope eq 1\"}"), 400, "invalidFilter");
    assertScimError(scim.post("/Users/.search", "{" + SEARCH + ",\"count\":\"ten\"}"), 400, "invalidValue");
    assertScimError(scim.post("/Users/.search", "[]"), 400, "invalidSyntax");
    assertScimError(scim.post("/Users/.search", "{\"schemas\":[\"urn:x\"]}"), 400, "invalidValue");
  }

  private static JsonNode search(String path, String body) {
    Reply reply = scim.post(path, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> names(JsonNode result, String attribute) {
    List<String> names = new ArrayList<>();
    result.get("Resources").forEach(r -> names.add(r.get(attribute).asText()));
    return names;
  }
}
