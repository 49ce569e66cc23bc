package io.scimgate.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Browser;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The seed's whole story in a real browser: the operator makes a tenant and a portal link; the company admin adds an
 * Okta connection, the IdP (this test, over the real SCIM API) pushes people and a group, the page notices by
 * itself, the admin selects the group for automatic invites and the invitations go out by mail.
 */
class PortalStoryTest {
  private static final List<String> CONTRACTORS = List.of("ada.lovelace@acme.test", "grace.hopper@acme.test");
  private static final String EMPLOYEE = "alan.turing@acme.test";

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withMailServer();

  @Test
  void operatorOnboardsAcmeAndItsAdminConnectsOktaAndInvitesTheContractors() throws Exception {
    String link;
    String tenantId;
    try (Browser operator = Browser.open(gateway.url())) {
      PortalSteps.signInAsOperator(operator, gateway.node());
      operator.type("Tenant name", "Acme");
      operator.click("Create tenant");
      WebElement row = PortalSteps.tenantRow(operator, "Acme");
      tenantId = row.getAttribute("data-tenant-id");
      row.findElement(By.cssSelector("[data-testid='scim-switch']")).click();
      operator.until(d -> gateway.admin().get("/admin/v1/tenants/" + tenantId).json().path("scimEnabled").asBoolean());
      row.findElement(By.xpath(".//button[normalize-space(.)='Portal link']")).click();
      operator.click("Make link");
      link = operator.testId("portal-link").getAttribute("value");
      assertThat(link).startsWith(gateway.url() + "/portal/login?code=");
      operator.screenshot("operator");
      assertThat(operator.cspViolations()).as("no inline script or style").isEmpty();

      operator.click("Open screens");
      operator.waitForText("No SCIM connection yet");
      assertThat(operator.testId("tenant-name").getText()).as("an operator may open any tenant's screens")
          .isEqualTo("Acme");
      operator.click("Tenants");
      operator.waitForText("Create a tenant");
    }

    try (Browser admin = Browser.open(gateway.url())) {
      admin.go(link);
      admin.waitForText("No SCIM connection yet");
      assertThat(admin.currentUrl()).endsWith("#/t/" + tenantId + "/scim");
      assertThat(admin.findAll(By.linkText("Tenants"))).as("company admins never see operator UI").isEmpty();
      admin.click("Start configuring SCIM");
      admin.find(By.cssSelector("label[for='provider-okta']")).click();
      admin.click("Next");
      admin.type("Connection name", "Okta production");
      admin.click("Create connection");
      String baseUrl = admin.testId("scim-base-url").getAttribute("value");
      String token = admin.testId("scim-token").getAttribute("value");
      assertThat(admin.mainText()).contains("Set up Okta");
      admin.screenshot("add-connection-setup");

      admin.click("I've entered them: continue");
      admin.waitForText("Waiting for your identity provider's first request");
      Http okta = new Http(baseUrl, token);
      List<String> contractorIds = CONTRACTORS.stream().map(email -> createUser(okta, email)).toList();
      createUser(okta, EMPLOYEE);
      assertThat(okta.post("/Groups", Fixtures.group("Contractors", contractorIds.toArray(String[]::new))).status())
          .isEqualTo(201);
      admin.until(Duration.ofSeconds(20), d -> admin.testId("first-request-status").getText()
          .contains("Connected: 3 users, 1 group so far"));
      admin.screenshot("add-connection-connected");

      assertThat(okta.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
          + "\"name\":{\"givenName\":\"No\",\"familyName\":\"Username\"},\"active\":true}").status())
          .as("an IdP request the gateway rejects").isEqualTo(400);

      admin.click("Done");
      admin.waitForText("Okta production");
      admin.screenshot("scim-settings");

      admin.click("Personnel Settings");
      admin.find(By.cssSelector("input[data-group-name='Okta SCIM - Contractors']"));
      admin.find(By.xpath("//label[starts-with(normalize-space(.), 'Okta SCIM - Contractors')]")).click();
      admin.until(d -> admin.testId("invite-preview").getText().contains("With it on, saving will invite 2 people"));
      admin.find(By.cssSelector("label[for='" + admin.testId("auto-invite-toggle").getAttribute("id") + "']"))
          .click();
      admin.until(d -> admin.testId("invite-preview").getText().equals("Saving will invite 2 people now."));
      admin.screenshot("personnel-settings");
      admin.click("Save");
      admin.until(d -> d.findElement(By.id("flash")).getText().contains("Invite settings saved"));
      admin.until(d -> d.findElement(By.id("flash")).getText().isEmpty()); // the toast leaves by itself

      gateway.mail().await(CONTRACTORS.size(), 20_000);
      for (String email : CONTRACTORS) {
        assertThat(gateway.mail().receivedBy(email)).as("one invitation to %s", email).hasSize(1);
      }
      assertThat(gateway.mail().receivedBy(EMPLOYEE)).as("not in the selected group").isEmpty();

      admin.click("Personnel");
      for (String email : CONTRACTORS) {
        assertThat(personRow(admin, email).getText()).contains("Invited");
      }
      assertThat(personRow(admin, EMPLOYEE).getText()).contains("Imported");
      admin.screenshot("personnel");

      admin.click("SCIM Settings");
      admin.click("Okta production");
      WebElement log = admin.testId("request-log");
      admin.until(d -> log.getText().contains("400"));
      WebElement rejected = log.findElement(By.cssSelector("tr.row-error"));
      assertThat(rejected.getText()).contains("POST").contains("/Users").contains("userName");
      admin.screenshot("connection-detail");
      assertThat(admin.cspViolations()).as("no inline script or style").isEmpty();
    }
    assertThat(gateway.mail().received()).as("exactly one invitation per member").hasSize(CONTRACTORS.size());
  }

  /** Okta's create payload, with a name of its own so that the screens tell people apart. */
  private static String createUser(Http okta, String email) {
    String local = email.substring(0, email.indexOf('@'));
    String given = capitalized(local.substring(0, local.indexOf('.')));
    String family = capitalized(local.substring(local.indexOf('.') + 1));
    String body = Fixtures.oktaUser(email).replace("\"givenName\":\"Test\"", "\"givenName\":\"" + given + "\"")
        .replace("\"familyName\":\"User\"", "\"familyName\":\"" + family + "\"")
        .replace("\"displayName\":\"Test User\"", "\"displayName\":\"" + given + " " + family + "\"");
    JsonNode created = okta.post("/Users", body).json();
    return created.get("id").asText();
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static WebElement personRow(Browser browser, String email) {
    return browser.find(By.xpath("//tr[td[normalize-space(.)='" + email + "']]"));
  }
}
