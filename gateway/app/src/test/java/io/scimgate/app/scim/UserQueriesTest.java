package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /Users with filter and paging, as Okta and Entra query before every write. */
class UserQueriesTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;
  private static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void seed() {
    scim = gateway.newConnection("azure-ad").scim();
    for (int i = 1; i <= 7; i++) {
      ids.add(scim.post("/Users", Fixtures.entraUser("user" + i + "@contoso.com", "ext-" + i)).json()
          .get("id").asText());
    }
  }

  @Test
  void userNameEqIsCaseInsensitive() {
    JsonNode list = list("userName eq \"USER3@Contoso.com\"");
    assertThat(list.get("totalResults").asInt()).isEqualTo(1);
    assertThat(list.get("Resources").get(0).get("id").asText()).isEqualTo(ids.get(2));
  }

  @Test
  void externalIdIdEmailsAndDisplayName() {
    assertThat(list("externalId eq \"ext-5\"").get("Resources").get(0).get("id").asText()).isEqualTo(ids.get(4));
    assertThat(list("externalId eq \"EXT-5\"").get("totalResults").asInt()).as("externalId is caseExact").isZero();
    assertThat(list("id eq \"" + ids.get(1) + "\"").get("totalResults").asInt()).isEqualTo(1);
    assertThat(list("emails.value eq \"USER6@contoso.com\"").get("Resources").get(0).get("id").asText())
        .isEqualTo(ids.get(5));
    assertThat(list("emails[value eq \"user6@contoso.com\"]").get("totalResults").asInt()).isEqualTo(1);
    assertThat(list("displayName eq \"jane doe\"").get("totalResults").asInt()).isEqualTo(7);
    assertThat(list("userName eq \"user2@contoso.com\" and externalId eq \"ext-2\"").get("totalResults").asInt())
        .isEqualTo(1);
    assertThat(list("userName eq \"user2@contoso.com\" and externalId eq \"ext-3\"").get("totalResults").asInt())
        .isZero();
  }

  @Test
  void noMatchIsAnEmptyListResponseNot404() {
    JsonNode list = list("externalId eq \"2b2fa5b4-5f47-4a4c-8e4e-0b1b7c6a0f11\"");
    assertThat(list.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(list.get("totalResults").isInt()).isTrue();
    assertThat(list.get("totalResults").asInt()).isZero();
    assertThat(list.get("itemsPerPage").asInt()).isZero();
    assertThat(list.get("startIndex").asInt()).isEqualTo(1);
    assertThat(list.get("Resources")).isEmpty();
  }

  @Test
  void pagesAreStableDoNotOverlapAndCountWhatTheyReturn() {
    List<String> seen = new ArrayList<>();
    for (int start = 1; start <= 7; start += 3) {
      JsonNode page = scim.get("/Users?startIndex=" + start + "&count=3").json();
      assertThat(page.get("totalResults").asInt()).isEqualTo(7);
      assertThat(page.get("startIndex").asInt()).isEqualTo(start);
      assertThat(page.get("itemsPerPage").asInt()).isEqualTo(page.get("Resources").size());
      page.get("Resources").forEach(user -> seen.add(user.get("id").asText()));
    }
    assertThat(seen).containsExactlyElementsOf(ids);
    JsonNode beyond = scim.get("/Users?startIndex=100&count=3").json();
    assertThat(beyond.get("totalResults").asInt()).isEqualTo(7);
    assertThat(beyond.get("itemsPerPage").asInt()).isZero();
    JsonNode onlyTotal = scim.get("/Users?count=0").json();
    assertThat(onlyTotal.get("totalResults").asInt()).isEqualTo(7);
    assertThat(onlyTotal.get("Resources")).isEmpty();
  }

  @Test
  void unsupportedOrBrokenFiltersAreInvalidFilter() {
    assertScimError(scim.get("/Users?filter=" + encode("nickNameX eq \"user\"")), 400, "invalidFilter");
    assertScimError(scim.get("/Users?filter=" + encode("active gt true")), 400, "invalidFilter");
    assertScimError(scim.get("/Users?filter=" + encode("meta.created gt \"yesterday\"")), 400, "invalidFilter");
    assertScimError(scim.get("/Users?filter=" + encode("name eq \"Jane\"")), 400, "invalidFilter");
    assertScimError(scim.get("/Users?filter=" + encode("userName eq")), 400, "invalidFilter");
    assertScimError(scim.get("/Users?filter=" + encode("userName eq 42")), 400, "invalidFilter");
    assertScimError(scim.get("/Users?count=abc"), 400, "invalidValue");
  }

  @Test
  void projectionKeepsIdAndRespectsAttributes() {
    JsonNode user = scim.get("/Users/" + ids.get(0) + "?attributes=userName,name.givenName").json();
    assertThat(user.get("id").asText()).isEqualTo(ids.get(0));
    assertThat(user.get("userName").asText()).isEqualTo("user1@contoso.com");
    assertThat(user.get("name").get("givenName").asText()).isEqualTo("Jane");
    assertThat(user.get("name").has("familyName")).isFalse();
    assertThat(user.has("emails")).isFalse();
    JsonNode without = scim.get("/Users/" + ids.get(0) + "?excludedAttributes=emails,id").json();
    assertThat(without.has("emails")).isFalse();
    assertThat(without.get("id").asText()).as("id is returned always").isEqualTo(ids.get(0));
  }

  private static JsonNode list(String filter) {
    var reply = scim.get("/Users?filter=" + encode(filter));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static String encode(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
