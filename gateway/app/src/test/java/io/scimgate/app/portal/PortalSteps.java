package io.scimgate.app.portal;

import io.scimgate.app.support.Browser;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.TestGateway;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What several portal browser tests do: sign in, find a tenant, make a portal link through the API. */
final class PortalSteps {
  private PortalSteps() {}

  /** Signs in on #/signin with an operator admin token, as an operator pastes it; lands on the tenants screen. */
  static void signInAsOperator(Browser browser, TestGateway gateway) {
    browser.go("/portal/#/signin");
    browser.type("Admin token", gateway.admin().token());
    browser.click("Sign in");
    browser.waitForText("Create a tenant");
  }

  static WebElement tenantRow(Browser browser, String name) {
    return browser.find(By.xpath("//tr[@data-tenant-id][.//strong[normalize-space(.)='" + name + "']]"));
  }

  /** A new tenant (SCIM on or off) through the operator API; its id. */
  static String createTenant(TestGateway gateway, String name, boolean scimEnabled) {
    return gateway.admin().post("/admin/v1/tenants", "{\"name\":\"" + name + "\",\"scimEnabled\":" + scimEnabled
        + "}").json().get("id").asText();
  }

  /** A portal link to {@code screen} of the tenant, made through the operator API; its URL. */
  static String portalLink(TestGateway gateway, String tenantId, String screen) {
    Http operator = gateway.admin();
    var reply = operator.post("/admin/v1/tenants/" + tenantId + "/portal-links",
        "{\"screen\":\"" + screen + "\",\"ttlSeconds\":300}");
    if (reply.status() != 201) {
      throw new IllegalStateException("portal link: " + reply);
    }
    return reply.json().get("url").asText();
  }
}
