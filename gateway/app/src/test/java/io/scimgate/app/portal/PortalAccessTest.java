package io.scimgate.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Browser;
import io.scimgate.app.support.GatewayExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Who gets in and what they see: SCIM off, dead portal links, no session, the token shown once. */
class PortalAccessTest {
  private static final String CONTACT = "success@scimgate.example";

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      "SCIMGATE_PORTAL_SUPPORT_CONTACT", CONTACT));
  private static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.open(gateway.url());
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  /** Each test starts signed out, on a page that is not the portal (so that its next visit loads afresh). */
  private static void signedOut() {
    browser.go("/portal/app.css");
    browser.deleteCookies();
  }

  @Test
  void aTenantWithScimOffSeesTheNotEnabledMessageWithItsContact() {
    signedOut();
    String tenant = PortalSteps.createTenant(gateway.node(), "Globex", false);
    browser.go(PortalSteps.portalLink(gateway.node(), tenant, "scim"));
    browser.waitForText("SCIM isn't enabled for your account");
    assertThat(browser.testId("support-contact").getText()).contains(CONTACT);
    assertThat(browser.findAll(By.linkText("Add SCIM Connection"))).isEmpty();
    browser.screenshot("scim-off");
  }

  @Test
  void aUsedLinkShowsItsPage() {
    signedOut();
    String link = PortalSteps.portalLink(gateway.node(), PortalSteps.createTenant(gateway.node(), "Initech", true),
        "personnel");
    browser.go(link);
    browser.waitForText("Personnel");
    browser.deleteCookies();
    browser.go(link);
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("This link was already used");
    browser.screenshot("link-used");
  }

  @Test
  void anExpiredLinkShowsItsPage() throws Exception {
    signedOut();
    String link = PortalSteps.portalLink(gateway.node(), PortalSteps.createTenant(gateway.node(), "Umbrella", true),
        "scim");
    gateway.sql("UPDATE portal_links SET expires_at = now() - interval '1 minute'");
    browser.go(link);
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("This link has expired");
  }

  @Test
  void anUnknownCodeShowsItsPage() {
    signedOut();
    browser.go("/portal/login?code=not-a-code");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("This link is not valid");
  }

  @Test
  void withoutASessionACompanyAdminIsToldToAskForANewLink() {
    signedOut();
    browser.go("/portal/#/t/" + PortalSteps.createTenant(gateway.node(), "Hooli", true) + "/personnel");
    assertThat(browser.testId("ask-for-link").getText()).isEqualTo("Ask your administrator for a new portal link.");
    assertThat(browser.currentUrl()).endsWith("#/signin");
  }

  @Test
  void theApiReferenceIsReadableWithoutASessionUnderTheContentSecurityPolicy() {
    signedOut();
    browser.go("/portal/#/api");
    browser.waitForText("Admin API reference");
    browser.find(By.cssSelector("details#createConnection summary")).click();
    String operation = browser.find(By.id("createConnection")).getText();
    assertThat(operation).contains("POST", "/tenants/{tenantId}/connections", "ConnectionCreate", "201",
        "ConnectionWithToken", "413");
    assertThat(browser.find(By.id("schema-InviteProgress")).getText()).contains("toInvite", "toSend", "failed");
    assertThat(browser.cspViolations()).as("the reference is drawn without inline code or style").isEmpty();
    browser.screenshot("api-reference");
  }

  @Test
  void thePortalRunsUnderItsContentSecurityPolicyWhichRefusesInlineScript() {
    signedOut();
    browser.go("/portal/#/signin");
    browser.testId("ask-for-link");
    assertThat(browser.cspViolations()).as("the portal itself needs no inline code").isEmpty();

    browser.script("const s = document.createElement('script'); s.textContent = 'window.injected = true';"
        + " document.head.append(s);");
    assertThat(browser.script("return window.injected === true")).isEqualTo(false);
    assertThat(browser.cspViolations()).as("an injected inline script is refused").isNotEmpty();
  }

  @Test
  void aCompanyAdminNeverReachesTheOperatorScreens() {
    signedOut();
    String tenant = PortalSteps.createTenant(gateway.node(), "Stark", true);
    browser.go(PortalSteps.portalLink(gateway.node(), tenant, "personnel"));
    browser.waitForText("Personnel");
    browser.go("/portal/#/operator");
    browser.until(d -> d.getCurrentUrl().contains("#/t/" + tenant + "/"));
    assertThat(browser.findAll(By.linkText("Tenants"))).isEmpty();
    assertThat(browser.findAll(By.xpath("//*[normalize-space(.)='Create tenant']"))).isEmpty();
  }

  @Test
  void signingOutATenantsPortalSessionsEndsTheAdminsSessionAtOnce() {
    signedOut();
    String tenant = PortalSteps.createTenant(gateway.node(), "Cyberdyne", true);
    try (Browser companyAdmin = Browser.open(gateway.url())) {
      companyAdmin.go(PortalSteps.portalLink(gateway.node(), tenant, "personnel"));
      companyAdmin.waitForText("Everyone your identity providers provisioned");

      PortalSteps.signInAsOperator(browser, gateway.node());
      browser.type("Search tenants", "Cyberdyne");
      browser.until(d -> d.findElements(By.cssSelector("tr[data-tenant-id]")).size() == 1);
      PortalSteps.tenantRow(browser, "Cyberdyne")
          .findElement(By.xpath(".//button[normalize-space(.)='Sign out all portal sessions']")).click();
      browser.click("Sign out everyone");
      browser.until(d -> d.findElement(By.id("flash")).getText().contains("Every portal session of Cyberdyne"));

      companyAdmin.click("Personnel Settings");
      companyAdmin.waitForText("Your session has ended.");
      assertThat(companyAdmin.testId("ask-for-link").getText())
          .isEqualTo("Ask your administrator for a new portal link.");
    }
  }

  @Test
  void theWizardWorksFromTheKeyboard() {
    signedOut();
    String tenant = PortalSteps.createTenant(gateway.node(), "Tyrell", true);
    browser.go(PortalSteps.portalLink(gateway.node(), tenant, "scim/add"));
    browser.find(By.cssSelector("label[for='provider-okta']"));
    browser.script("document.getElementById('provider-okta').focus()");
    browser.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.waitForText("Name your Okta connection");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
        .as("the name field has the focus").isEqualTo(browser.field("Connection name").getAttribute("id"));
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    assertThat(browser.testId("scim-token").getAttribute("value")).isNotBlank();
  }

  @Test
  void theTokenIsNotShownAgainAfterLeavingTheWizardStep() {
    signedOut();
    String tenant = PortalSteps.createTenant(gateway.node(), "Wayne", true);
    browser.go(PortalSteps.portalLink(gateway.node(), tenant, "scim/add"));
    browser.find(By.cssSelector("label[for='provider-custom']")).click();
    browser.click("Next");
    browser.click("Create connection");
    String token = browser.testId("scim-token").getAttribute("value");
    assertThat(token).isNotBlank();

    browser.click("Personnel");
    browser.waitForText("Everyone your identity providers provisioned");
    browser.driver().navigate().back();
    browser.waitForText("The token was shown once and is no longer available here");
    assertThat(browser.testId("scim-base-url").getAttribute("value")).contains("/scim/v2/");
    assertThat(browser.findAll(By.cssSelector("[data-testid='scim-token']"))).isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain(token);
    assertThat(browser.script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)").toString())
        .doesNotContain(token);
  }
}
