package io.scimgate.app.invites;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.MailServer.Received;
import io.scimgate.app.support.PlainSmtpServer;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invitation mails through a real SMTP server (GreenMail). */
class InviteMailTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withMailServer();

  @Test
  void joiningASelectedGroupSendsOneInvitationNamingTheTenant() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    String email = "new.hire-" + UUID.randomUUID() + "@example.com";
    String user = inviteNewHire(gateway.node(), okta, email);

    List<Received> received = awaitMailTo(email);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).subject()).isEqualTo("You're invited to join Acme okta");
    assertThat(received.get(0).body()).contains("Acme okta").contains("Test User");
    String person = personOf(gateway.node(), user);
    assertThat(received.get(0).messageId()).isEqualTo("<invite-" + person + "-1@scimgate>");
    assertThat(gateway.sql("SELECT status FROM deliveries WHERE id = $1", "invite:" + person + ":1")).isEqualTo("sent");

    okta.scim().patchOps("/Users/" + user, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}");
    Thread.sleep(500);
    assertThat(gateway.mail().receivedBy(email)).as("an update does not invite again").hasSize(1);
  }

  @Test
  void selectingAGroupThroughTheAdminApiInvitesItsMembersButNotWhileTheToggleIsOff() throws Exception {
    ScimClient okta = gateway.newConnection("okta");
    String emailA = "backfill-a-" + UUID.randomUUID() + "@example.com";
    String emailB = "backfill-b-" + UUID.randomUUID() + "@example.com";
    String a = okta.scim().post("/Users", Fixtures.oktaUser(emailA)).json().get("id").asText();
    String b = okta.scim().post("/Users", Fixtures.oktaUser(emailB)).json().get("id").asText();
    String group = okta.scim().post("/Groups", Fixtures.group("Existing team", a, b)).json().get("id").asText();
    String settings = "/admin/v1/tenants/" + okta.tenantId() + "/auto-invites";
    var admin = gateway.admin();
    assertThat(admin.put(settings, "{\"enabled\":false,\"groupIds\":[\"" + group + "\"]}").status()).isEqualTo(200);
    Thread.sleep(500);
    assertThat(gateway.mail().receivedBy(emailA)).as("toggle off: nobody invited").isEmpty();

    assertThat(admin.put(settings, "{\"enabled\":true,\"groupIds\":[\"" + group + "\"]}").status()).isEqualTo(200);
    assertThat(awaitMailTo(emailA)).hasSize(1);
    assertThat(awaitMailTo(emailB)).hasSize(1);

    String person = "/admin/v1/tenants/" + okta.tenantId() + "/personnel/" + a;
    assertThat(admin.post(person + "/accept", "{}").json().get("status").asText()).isEqualTo("active");
    okta.scim().patchOps("/Users/" + a, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    awaitStatus(admin, person, "deprovisioned");
    okta.scim().patchOps("/Users/" + a, "{\"op\":\"replace\",\"value\":{\"active\":true}}");
    awaitStatus(admin, person, "active");
    Thread.sleep(300);
    assertThat(gateway.mail().receivedBy(emailA)).as("accepted before: back to active, no new invitation").hasSize(1);
    assertThat(admin.get(person).json().get("history").toString())
        .contains("invited", "invitation accepted", "deprovisioned", "active");
  }

  /** A new user of {@code okta} joins a group selected for automatic invites; the user's id. */
  private static String inviteNewHire(TestGateway gateway, ScimClient okta, String email) throws Exception {
    String group = okta.scim().post("/Groups", Fixtures.group("Contractors")).json().get("id").asText();
    gateway.sql("INSERT INTO auto_invite_settings (tenant_id, enabled) VALUES ($1::uuid, true)", okta.tenantId());
    gateway.sql("INSERT INTO auto_invite_groups (tenant_id, group_id) VALUES ($1::uuid, $2::uuid)", okta.tenantId(),
        group);
    String user = okta.scim().post("/Users", Fixtures.oktaUser(email)).json().get("id").asText();
    okta.scim().patchOps("/Groups/" + group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user
        + "\"}]}");
    return user;
  }

  /** With credentials and the default STARTTLS setting, a server that offers no STARTTLS never sees them. */
  @Test
  void credentialsNeverGoToAServerWithoutStartTls() throws Exception {
    try (PlainSmtpServer plain = PlainSmtpServer.start()) {
      TestGateway credentialed = TestGateway.start(Map.of("SCIMGATE_SMTP_HOST", "127.0.0.1",
          "SCIMGATE_SMTP_PORT", Integer.toString(plain.port()), "SCIMGATE_SMTP_USERNAME", "mailer",
          "SCIMGATE_SMTP_PASSWORD", "hunter2-smtp", "SCIMGATE_INVITES_POLL_MS", "200"));
      try {
        ScimClient okta = credentialed.newConnection("okta");
        String user = inviteNewHire(credentialed, okta, "tls-" + UUID.randomUUID() + "@example.com");
        String delivery = "invite:" + personOf(credentialed, user) + ":1";
        for (int i = 0; i < 200 && credentialed.sql("SELECT last_error FROM deliveries WHERE id = $1", delivery) == null
            && !"sent".equals(credentialed.sql("SELECT status FROM deliveries WHERE id = $1", delivery)); i++) {
          Thread.sleep(50);
        }
        assertThat(credentialed.sql("SELECT status FROM deliveries WHERE id = $1", delivery)).isNotEqualTo("sent");
        assertThat(plain.commands()).as("the gateway talked to the server").anyMatch(line -> line.startsWith("EHLO"));
        assertThat(plain.commands()).noneMatch(line -> line.toUpperCase(java.util.Locale.ROOT).startsWith("AUTH"));
        assertThat(String.join("\n", plain.commands())).doesNotContain("hunter2")
            .doesNotContain(java.util.Base64.getEncoder().encodeToString("\0mailer\0hunter2-smtp".getBytes()));
      } finally {
        credentialed.close();
      }
    }
  }

  /** The person SCIM user {@code userId} is (once the relay has seen the user). */
  private static String personOf(TestGateway gateway, String userId) throws Exception {
    String person = null;
    for (int i = 0; i < 100 && person == null; i++) {
      person = gateway.sql("SELECT person_id FROM person_identities WHERE user_id = $1::uuid", userId);
      if (person == null) {
        Thread.sleep(50);
      }
    }
    return person;
  }

  private static void awaitStatus(io.scimgate.app.support.Http admin, String person, String status)
      throws InterruptedException {
    for (int i = 0; i < 100 && !admin.get(person).json().path("status").asText().equals(status); i++) {
      Thread.sleep(50);
    }
    assertThat(admin.get(person).json().path("status").asText()).isEqualTo(status);
  }

  private static List<Received> awaitMailTo(String email) throws InterruptedException {
    for (int i = 0; i < 100 && gateway.mail().receivedBy(email).isEmpty(); i++) {
      Thread.sleep(50);
    }
    return gateway.mail().receivedBy(email);
  }
}
