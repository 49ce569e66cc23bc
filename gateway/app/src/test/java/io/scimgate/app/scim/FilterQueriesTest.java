package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter grammar pushed down to PostgreSQL: which of a known set of users each filter returns. */
class FilterQueriesTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;
  private static String groupId;
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @BeforeAll
  static void seed() {
    scim = gateway.newConnection("custom").scim();
    user("alice", "Alice Smith", "Engineer", true, "alice@example.com", "work", "R&D", "100%_done");
    user("bob", "Bob Jones", "Intern", false, "bob@example.org", "home", "Sales", null);
    user("carol", "Carol O'Malley", null, true, "carol@EXAMPLE.com", "work", null, null);
    user("dave", "Dave", "Engineer", true, null, null, "R&D", "plain");
    String alice = scim.get("/Users?filter=userName%20eq%20%22alice%22").json().get("Resources").get(0)
        .get("id").asText();
    groupId = scim.post("/Groups", "{\"displayName\":\"Eng\",\"members\":[{\"value\":\"" + alice + "\"}]}").json()
        .get("id").asText();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "userName eq \"ALICE\"                                       | alice",
      "userName ne \"alice\"                                       | bob carol dave",
      "userName sw \"a\" or userName ew \"VE\"                     | alice dave",
      "displayName co \"o'malley\"                                 | carol",
      "title pr                                                    | alice bob dave",
      "not (title pr)                                              | carol",
      "title eq \"Engineer\" and active eq true                    | alice dave",
      "active eq false                                             | bob",
      "not (active eq false) and not (title eq \"Intern\")         | alice carol dave",
      "emails co \"example.com\"                                   | alice carol",
      "emails.value eq \"CAROL@example.COM\"                       | carol",
      "emails[type eq \"work\" and value co \"@example.com\"]      | alice carol",
      "emails[type eq \"home\"] or title eq \"Engineer\"           | alice bob dave",
      "emails.type eq \"home\"                                     | bob",
      "name.familyName eq \"SMITH\"                                | alice",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"r&d\" | alice dave",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"C\" | carol",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber co \"%_\" | alice",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber sw \"plain\" | dave",
      "userName gt \"bob\" and userName le \"dave\"                | carol dave",
      "meta.created gt \"2000-01-01T00:00:00Z\" and meta.lastModified le \"2999-01-01T00:00:00Z\" | alice bob carol dave",
      "meta.created lt \"2000-01-01T00:00:00Z\"                    | ",
      "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\" | alice bob dave",
      "externalId eq \"ext-bob\"                                   | bob",
      "externalId eq \"EXT-BOB\"                                   | ",
      "id eq \"not-a-uuid\"                                         | ",
      "title eq null                                               | carol",
  })
  void usersMatching(String filter, String expected) {
    Reply reply = scim.get("/Users?filter=" + encode(filter.strip()));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    reply.json().get("Resources").forEach(user -> names.add(user.get("userName").asText()));
    List<String> wanted = expected == null ? List.of() : List.of(expected.strip().split(" "));
    assertThat(names).as(filter).containsExactlyInAnyOrderElementsOf(wanted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"members pr | 1", "members.value eq \"00000000-0000-0000-0000-000000000000\" | 0",
      "displayName sw \"e\" and not (externalId pr) | 1"})
  void groupsMatching(String filter, int expected) {
    Reply reply = scim.get("/Groups?filter=" + encode(filter.strip()));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("totalResults").asInt()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "sortBy={0} {1}")
  @CsvSource(delimiter = '|', value = {
      "userName                                                            | descending | dave carol bob alice",
      "title                                                               | ascending  | alice dave bob carol",
      "title                                                               | descending | bob alice dave carol",
      "emails                                                              | ascending  | alice bob carol dave",
      "name.familyName                                                     | ascending  | dave bob carol alice",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department | descending | bob alice dave carol",
      "meta.created                                                        | descending | dave carol bob alice",
  })
  void sorting(String sortBy, String order, String expected) {
    Reply reply = scim.get("/Users?sortBy=" + encode(sortBy.strip()) + "&sortOrder=" + order.strip());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    reply.json().get("Resources").forEach(user -> names.add(user.get("userName").asText()));
    assertThat(names).containsExactly(expected.strip().split(" "));
  }

  @org.junit.jupiter.api.Test
  void badSortParametersAreInvalidValue() {
    assertThat(scim.get("/Users?sortBy=nope").json().get("scimType").asText()).isEqualTo("invalidValue");
    assertThat(scim.get("/Users?sortBy=userName&sortOrder=up").json().get("scimType").asText())
        .isEqualTo("invalidValue");
  }

  @org.junit.jupiter.api.Test
  void membershipFiltersUseTheMembershipTable() {
    JsonNode alice = scim.get("/Users?filter=userName%20eq%20%22alice%22").json().get("Resources").get(0);
    String members = "members.value eq \"" + alice.get("id").asText() + "\"";
    assertThat(scim.get("/Groups?filter=" + encode(members)).json().get("totalResults").asInt()).isEqualTo(1);
    String groups = "groups.value eq \"" + groupId + "\"";
    JsonNode inGroup = scim.get("/Users?filter=" + encode(groups)).json();
    assertThat(inGroup.get("totalResults").asInt()).isEqualTo(1);
    assertThat(inGroup.get("Resources").get(0).get("userName").asText()).isEqualTo("alice");
  }

  private static void user(String userName, String displayName, String title, boolean active, String email,
      String emailType, String department, String employeeNumber) {
    StringBuilder body = new StringBuilder("{\"userName\":\"" + userName + "\",\"externalId\":\"ext-" + userName
        + "\",\"displayName\":\"" + displayName + "\",\"active\":" + active
        + ",\"name\":{\"familyName\":\"" + displayName.substring(displayName.indexOf(' ') + 1) + "\"}");
    if (title != null) {
      body.append(",\"title\":\"").append(title).append('"');
    }
    if (email != null) {
      body.append(",\"emails\":[{\"value\":\"").append(email).append("\",\"type\":\"").append(emailType)
          .append("\"}]");
    }
    if (department != null || employeeNumber != null) {
      body.append(",\"").append(ENTERPRISE).append("\":{");
      body.append(department == null ? "" : "\"department\":\"" + department + "\"");
      body.append(department != null && employeeNumber != null ? "," : "");
      body.append(employeeNumber == null ? "" : "\"employeeNumber\":\"" + employeeNumber + "\"");
      body.append('}');
    }
    Reply created = scim.post("/Users", body.append('}').toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private static String encode(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
