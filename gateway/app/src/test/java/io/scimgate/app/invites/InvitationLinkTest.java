package io.scimgate.app.invites;

import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.MailServer.Received;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invitation links end to end: the link read out of the mail a real SMTP server received, handed back to
 * {@code POST /admin/v1/invitations/accept} as the product's sign-up would; used, expired, unknown and replaced
 * tokens; sending an invitation again; the tenant's own sign-up URL; the HTML part escaping the tenant's name.
 */
class InvitationLinkTest {
  private static final String ACCEPT = "/admin/v1/invitations/accept";
  private static final Pattern DEFAULT_LINK = Pattern.compile("https://app\\.example\\.com/join\\?token=([A-Za-z0-9_-]+)");
  private static final Pattern TENANT_LINK = Pattern.compile("https://signup\\.example\\.org/t/([A-Za-z0-9_-]+)/go");

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withMailServer()
      .withEnv(Map.of("SCIMGATE_INVITATION_URL", "https://app.example.com/join?token={token}"));
  private static Http admin;
  private static ScimClient acme;
  private static String group;

  @BeforeAll
  static void setUp() throws Exception {
    admin = gateway.admin();
    acme = connection("<b>Acme & Co</b>");
    group = acme.scim().post("/Groups", Fixtures.group("Staff")).json().get("id").asText();
    assertThat(admin.put("/admin/v1/tenants/" + acme.tenantId() + "/auto-invites",
        "{\"enabled\":true,\"groupIds\":[\"" + group + "\"]}").status()).isEqualTo(200);
  }

  @Test
  void aLinkFromTheMailAcceptsOnceAndTheTokenIsNowhereInClear() throws Exception {
    String email = "ann-" + UUID.randomUUID() + "@acme.example";
    String person = invite(email);
    Received received = awaitMails(email, 1).get(0);
    String token = token(received.text(), DEFAULT_LINK);
    assertThat(token).hasSize(43);
    assertThat(received.html()).contains("href=\"https://app.example.com/join?token=" + token + "\"");
    assertThat(received.text()).contains("The link works once, until ");

    assertThat(gateway.sql("SELECT count(*) FROM deliveries WHERE data::text LIKE '%' || $1 || '%'", token))
        .as("the deliveries table never holds the token").isEqualTo("0");
    assertThat(gateway.sql("SELECT count(*) FROM invitation_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8'))"
        + " AND person_id = $2::uuid AND expires_at > now() + interval '6 days'", token, person)).isEqualTo("1");

    Reply accepted = admin.post(ACCEPT, "{\"token\":\"" + token + "\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("tenantId").asText()).isEqualTo(acme.tenantId());
    assertThat(accepted.json().at("/person/id").asText()).isEqualTo(person);
    assertThat(accepted.json().at("/person/status").asText()).isEqualTo("active");
    JsonNode stored = admin.get(personnel(person)).json();
    assertThat(stored.get("status").asText()).isEqualTo("active");
    assertThat(stored.get("history").toString()).contains("invitation accepted through its link");
    assertThat(gateway.sql("SELECT count(*) FROM audit_log WHERE action = 'personnel_accept' AND resource_id = $1",
        person)).isEqualTo("1");

    assertThat(assertAdminError(admin.post(ACCEPT, "{\"token\":\"" + token + "\"}"), 409, "Conflict"))
        .contains("already used");
    assertThat(admin.post(personnel(person) + "/invitation", null).status()).as("accepted: nothing to resend")
        .isEqualTo(409);
  }

  @Test
  void unknownExpiredAndMalformedTokensAreRefusedAndChangeNothing() throws Exception {
    assertThat(assertAdminError(admin.post(ACCEPT, "{\"token\":\"" + "A".repeat(43) + "\"}"), 404, "Not Found"))
        .contains("Unknown invitation token");
    assertAdminError(admin.post(ACCEPT, "{}"), 400, "invalidValue");
    assertAdminError(admin.post(ACCEPT, "{\"token\":42}"), 400, "invalidValue");
    assertAdminError(admin.post(ACCEPT, "{\"token\":\"" + "x".repeat(300) + "\"}"), 400, "invalidValue");

    String email = "bob-" + UUID.randomUUID() + "@acme.example";
    String person = invite(email);
    String token = token(awaitMails(email, 1).get(0).text(), DEFAULT_LINK);
    gateway.sql("UPDATE invitation_tokens SET expires_at = now() - interval '1 second' WHERE person_id = $1::uuid",
        person);
    assertThat(assertAdminError(admin.post(ACCEPT, "{\"token\":\"" + token + "\"}"), 410, "Gone"))
        .contains("expired");
    assertThat(admin.get(personnel(person)).json().get("status").asText()).isEqualTo("invited");

    Http companyAdmin = new Http(gateway.url(), new TokenService(gateway.vertx(), TestGateway.SECRET)
        .issueAdminToken("acme-automation", 600, UUID.fromString(acme.tenantId())));
    assertThat(companyAdmin.post(ACCEPT, "{\"token\":\"" + token + "\"}").status()).as("operator only")
        .isEqualTo(403);
    assertThat(gateway.anonymous().post(ACCEPT, "{\"token\":\"" + token + "\"}").status()).isEqualTo(401);
  }

  @Test
  void sendingAgainGivesANewLinkAndKillsTheOldOneAndATenantMayHaveItsOwnUrl() throws Exception {
    String email = "cy-" + UUID.randomUUID() + "@acme.example";
    String person = invite(email);
    String first = token(awaitMails(email, 1).get(0).text(), DEFAULT_LINK);

    String urlPath = "/admin/v1/tenants/" + acme.tenantId() + "/invitation-url";
    assertThat(assertAdminError(admin.put(urlPath, "{\"url\":\"http://signup.example.org/t/{token}\"}"), 400,
        "invalidValue")).contains("https");
    assertAdminError(admin.put(urlPath, "{\"url\":\"https://signup.example.org/join\"}"), 400, "invalidValue");
    assertAdminError(admin.put(urlPath, "{\"url\":\"https://signup.example.org/{token}/{token}\"}"), 400,
        "invalidValue");
    assertAdminError(admin.put(urlPath, "{}"), 400, "invalidValue"); // dropping the template takes an explicit null
    Reply set = admin.put(urlPath, "{\"url\":\"https://signup.example.org/t/{token}/go\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    JsonNode urls = admin.get(urlPath).json();
    assertThat(urls.get("url").asText()).isEqualTo("https://signup.example.org/t/{token}/go");
    assertThat(urls.get("defaultUrl").asText()).isEqualTo("https://app.example.com/join?token={token}");

    Reply resent = admin.post(personnel(person) + "/invitation", null);
    assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
    assertThat(resent.json().get("deliveryId").asText()).isEqualTo("invite:" + person + ":1:2");
    List<Received> mails = awaitMails(email, 2);
    assertThat(mails.get(0).messageId()).isNotEqualTo(mails.get(1).messageId());
    String second = token(mails.get(1).text(), TENANT_LINK);

    assertThat(assertAdminError(admin.post(ACCEPT, "{\"token\":\"" + first + "\"}"), 410, "Gone"))
        .contains("replaced by a newer invitation mail");
    Reply accepted = admin.post(ACCEPT, "{\"token\":\"" + second + "\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(admin.get(personnel(person)).json().get("history").toString()).contains("invitation sent again");

    // a mail of the first generation still queued (as if its sends had failed until now) gets no link any more
    gateway.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, occurred_at)"
        + " VALUES ('invite:stale:' || $1, $2::uuid, 'email', 'personnel.invited', jsonb_build_object('personId', $1,"
        + " 'round', 1, 'linkGeneration', 1), $3, 'pending', now())", person, acme.tenantId(), email);
    for (int i = 0; i < 100 && !"dead".equals(gateway.sql("SELECT status FROM deliveries WHERE id = 'invite:stale:'"
        + " || $1", person)); i++) {
      Thread.sleep(50);
    }
    assertThat(gateway.sql("SELECT status || ': ' || last_error FROM deliveries WHERE id = 'invite:stale:' || $1",
        person)).startsWith("dead: stale");
    assertThat(gateway.mail().receivedBy(email)).hasSize(2);

    assertThat(admin.put(urlPath, "{\"url\":null}").json().get("url").isNull()).isTrue();
    assertAdminError(admin.post(personnel(UUID.randomUUID().toString()) + "/invitation", null), 404, "Not Found");
  }

  @Test
  void theHtmlPartEscapesTheTenantsName() throws Exception {
    String email = "dee-" + UUID.randomUUID() + "@acme.example";
    invite(email);
    Received received = awaitMails(email, 1).get(0);
    assertThat(received.subject()).isEqualTo("You're invited to join <b>Acme & Co</b>");
    assertThat(received.html()).contains("<strong>&lt;b&gt;Acme &amp; Co&lt;/b&gt;</strong>")
        .doesNotContain("<b>Acme");
    assertThat(received.text()).contains("<b>Acme & Co</b> has invited you");
  }

  /** A new member of the selected group: invited by the relay; the person's id. */
  private static String invite(String email) throws Exception {
    String user = acme.scim().post("/Users", Fixtures.oktaUser(email)).json().get("id").asText();
    acme.scim().patchOps("/Groups/" + group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user
        + "\"}]}");
    for (int i = 0; i < 200; i++) {
      JsonNode person = admin.get(personnel(user)).json();
      if (person != null && "invited".equals(person.path("status").asText())) {
        return person.get("id").asText();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not invited: " + email);
  }

  private static ScimClient connection(String tenantName) {
    String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"" + tenantName.replace("\"", "\\\"")
        + "\",\"scimEnabled\":true}").json().get("id").asText();
    JsonNode connection = admin.post("/admin/v1/tenants/" + tenant + "/connections",
        "{\"vendor\":\"okta\",\"name\":\"Okta\"}").json();
    String token = connection.get("token").asText();
    return new ScimClient(tenant, connection.get("id").asText(), token,
        new Http(connection.get("scimBaseUrl").asText(), token));
  }

  private static String personnel(String id) {
    return "/admin/v1/tenants/" + acme.tenantId() + "/personnel/" + id;
  }

  private static String token(String text, Pattern link) {
    Matcher matcher = link.matcher(text);
    assertThat(matcher.find()).as("a sign-up link in: " + text).isTrue();
    return matcher.group(1);
  }

  private static List<Received> awaitMails(String email, int count) throws InterruptedException {
    for (int i = 0; i < 200 && gateway.mail().receivedBy(email).size() < count; i++) {
      Thread.sleep(50);
    }
    assertThat(gateway.mail().receivedBy(email)).as("mails to " + email).hasSize(count);
    return gateway.mail().receivedBy(email);
  }
}
