package io.scimgate.app.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A company moving from Okta to Entra: both connections push the same people (same e-mails, other ids, other
 * userName casing), each with a group selected for automatic invites. Each person is one person with two
 * identities, invited (and mailed, through a real SMTP server) once; deprovisioned only when neither identity is
 * active; back when one is.
 */
class PersonAcrossConnectionsTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withMailServer();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void theOktaThenEntraMigrationMakesOnePersonPerEmployeeInvitedOnce() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    ScimClient entra = secondConnection(okta.tenantId(), "azure-ad");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<String> emails = List.of("Ann.Lee-" + suffix + "@Acme.example", "bob.ray-" + suffix + "@acme.example");

    List<String> oktaUsers = new ArrayList<>();
    for (String email : emails) {
      oktaUsers.add(okta.scim().post("/Users", Fixtures.oktaUser(email)).json().get("id").asText());
    }
    String oktaGroup = okta.scim().post("/Groups", Fixtures.group("Everyone", oktaUsers.toArray(String[]::new)))
        .json().get("id").asText();
    String settings = "/admin/v1/tenants/" + okta.tenantId() + "/auto-invites";
    assertThat(admin.put(settings, "{\"enabled\":true,\"groupIds\":[\"" + oktaGroup + "\"]}").status())
        .isEqualTo(200);
    for (String email : emails) {
      awaitMails(email, 1);
    }

    // the move: Entra's group is selected too, then Entra pushes the same people and puts them in it
    String entraGroup = entra.scim().post("/Groups", Fixtures.group("All staff")).json().get("id").asText();
    assertThat(admin.put(settings, "{\"enabled\":true,\"groupIds\":[\"" + oktaGroup + "\",\"" + entraGroup
        + "\"]}").status()).isEqualTo(200);
    List<String> entraUsers = new ArrayList<>();
    for (String email : emails) {
      String user = entra.scim().post("/Users", Fixtures.entraUser(email.toUpperCase(Locale.ROOT),
          "ext-" + UUID.randomUUID())).json().get("id").asText();
      entraUsers.add(user);
      entra.scim().patchOps("/Groups/" + entraGroup, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
          + user + "\"}]}");
    }
    awaitRelay(okta.tenantId());
    Thread.sleep(500); // the delivery worker's poll: a second mail would have gone out by now
    for (String email : emails) {
      assertThat(gateway.mail().receivedBy(email)).as("one mail for " + email).hasSize(1);
    }
    JsonNode people = admin.get(personnel(okta.tenantId(), "")).json();
    assertThat(people.get("total").asLong()).isEqualTo(2);
    assertThat(gateway.sql("SELECT count(*) FROM invitations WHERE tenant_id = $1",
        UUID.fromString(okta.tenantId()))).isEqualTo("2");

    JsonNode ann = admin.get(personnel(okta.tenantId(), "/" + oktaUsers.get(0))).json();
    String annId = ann.get("id").asText();
    assertThat(admin.get(personnel(okta.tenantId(), "/" + entraUsers.get(0))).json().get("id").asText())
        .as("either SCIM user names the person").isEqualTo(annId);
    assertThat(admin.get(personnel(okta.tenantId(), "/" + annId)).json().get("id").asText()).isEqualTo(annId);
    assertThat(ann.get("status").asText()).isEqualTo("invited");
    assertThat(identities(ann)).containsExactly(
        okta.connectionId() + " " + emails.get(0) + " active",
        entra.connectionId() + " " + emails.get(0).toUpperCase(Locale.ROOT) + " active");
    assertThat(personnelIds(okta.tenantId(), "?connectionId=" + entra.connectionId())).hasSize(2).contains(annId);
    assertThat(personnelIds(okta.tenantId(), "?groupId=" + oktaGroup)).hasSize(2).contains(annId);
    assertThat(admin.post(personnel(okta.tenantId(), "/" + annId + "/accept"), "{}").json().get("status").asText())
        .isEqualTo("active");

    okta.scim().patchOps("/Users/" + oktaUsers.get(0), "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    awaitRelay(okta.tenantId());
    JsonNode afterOkta = admin.get(personnel(okta.tenantId(), "/" + annId)).json();
    assertThat(afterOkta.get("status").asText()).as("still active in Entra").isEqualTo("active");
    assertThat(identities(afterOkta)).contains(okta.connectionId() + " " + emails.get(0) + " inactive");

    entra.scim().patchOps("/Users/" + entraUsers.get(0), "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    awaitStatus(okta.tenantId(), annId, "deprovisioned");
    entra.scim().patchOps("/Users/" + entraUsers.get(0), "{\"op\":\"replace\",\"value\":{\"active\":true}}");
    awaitStatus(okta.tenantId(), annId, "active");
    Thread.sleep(300);
    assertThat(gateway.mail().receivedBy(emails.get(0))).as("accepted before: back, not invited again").hasSize(1);
    assertThat(statuses(admin.get(personnel(okta.tenantId(), "/" + annId)).json()))
        .containsExactly("imported", "invited", "active", "deprovisioned", "active");

    // Bob never accepted: deleted in Okta and deactivated in Entra, then back in Entra is a new invitation round
    String bobId = admin.get(personnel(okta.tenantId(), "/" + oktaUsers.get(1))).json().get("id").asText();
    okta.scim().delete("/Users/" + oktaUsers.get(1));
    awaitRelay(okta.tenantId());
    assertThat(admin.get(personnel(okta.tenantId(), "/" + bobId)).json().get("status").asText()).isEqualTo("invited");
    entra.scim().patchOps("/Users/" + entraUsers.get(1), "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    awaitStatus(okta.tenantId(), bobId, "deprovisioned");
    entra.scim().patchOps("/Users/" + entraUsers.get(1), "{\"op\":\"replace\",\"value\":{\"active\":true}}");
    awaitStatus(okta.tenantId(), bobId, "invited");
    awaitMails(emails.get(1), 2);
    JsonNode bob = admin.get(personnel(okta.tenantId(), "/" + bobId)).json();
    assertThat(bob.get("identities").get(0).get("deletedAt").isNull()).as("deleted in Okta").isFalse();
  }

  @Test
  void usersWithoutAnEmailAreEachAPersonOfTheirOwnAndAnEmailLikeUserNameMatches() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    ScimClient entra = secondConnection(okta.tenantId(), "azure-ad");
    String plain = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"%s\","
        + "\"emails\":%s,\"active\":true}";
    okta.scim().post("/Users", plain.formatted("jdoe", "[]"));
    entra.scim().post("/Users", plain.formatted("jdoe", "[{\"value\":\"n/a\",\"primary\":true}]"));
    okta.scim().post("/Users", plain.formatted("Kim.Park@Acme.example", "[]"));
    entra.scim().post("/Users", plain.formatted("kim", "[{\"value\":\" kim.park@acme.EXAMPLE \",\"primary\":true}]"));
    awaitRelay(okta.tenantId());
    assertThat(admin.get(personnel(okta.tenantId(), "?q=jdoe")).json().get("total").asLong())
        .as("neither an e-mail nor an e-mail-like userName: two people").isEqualTo(2);
    JsonNode kim = admin.get(personnel(okta.tenantId(), "?q=kim")).json();
    assertThat(kim.get("total").asLong()).isEqualTo(1);
    assertThat(kim.get("items").get(0).get("identities")).hasSize(2);
  }

  /** A second connection of {@code vendor} in the tenant. */
  private static ScimClient secondConnection(String tenantId, String vendor) {
    JsonNode connection = admin.post("/admin/v1/tenants/" + tenantId + "/connections",
        "{\"vendor\":\"" + vendor + "\",\"name\":\"" + vendor + " production\"}").json();
    String token = connection.get("token").asText();
    return new ScimClient(tenantId, connection.get("id").asText(), token,
        new Http(connection.get("scimBaseUrl").asText(), token));
  }

  private static String personnel(String tenantId, String rest) {
    return "/admin/v1/tenants/" + tenantId + "/personnel" + rest;
  }

  private static List<String> personnelIds(String tenantId, String query) {
    List<String> ids = new ArrayList<>();
    admin.get(personnel(tenantId, query)).json().get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static List<String> identities(JsonNode person) {
    List<String> lines = new ArrayList<>();
    person.get("identities").forEach(identity -> lines.add(identity.get("connectionId").asText() + " "
        + identity.get("userName").asText() + " " + (identity.get("active").asBoolean() ? "active" : "inactive")));
    return lines;
  }

  private static List<String> statuses(JsonNode person) {
    List<String> statuses = new ArrayList<>();
    person.get("history").forEach(entry -> statuses.add(entry.get("status").asText()));
    return statuses;
  }

  private static void awaitRelay(String tenantId) throws Exception {
    for (int i = 0; i < 200 && !"0".equals(gateway.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = $1"
        + " AND processed_at IS NULL", UUID.fromString(tenantId))); i++) {
      Thread.sleep(50);
    }
  }

  private static void awaitStatus(String tenantId, String personId, String status) throws InterruptedException {
    String path = personnel(tenantId, "/" + personId);
    for (int i = 0; i < 200 && !admin.get(path).json().path("status").asText().equals(status); i++) {
      Thread.sleep(50);
    }
    assertThat(admin.get(path).json().path("status").asText()).isEqualTo(status);
  }

  private static void awaitMails(String email, int count) throws InterruptedException {
    for (int i = 0; i < 200 && gateway.mail().receivedBy(email).size() < count; i++) {
      Thread.sleep(50);
    }
    assertThat(gateway.mail().receivedBy(email)).as("mails to " + email).hasSize(count);
  }
}
