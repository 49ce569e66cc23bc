package io.scimgate.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Browser;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.ScimClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** A company admin looks after a connection on its page: token rotation, disable / enable, rename, delete. */
class PortalConnectionTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();

  @Test
  void rotateDisableEnableRenameAndDeleteFromTheConnectionsPage() {
    ScimClient okta = gateway.newConnection("okta");
    String scimBase = okta.scim().baseUrl();
    try (Browser browser = Browser.open(gateway.url())) {
      browser.go(PortalSteps.portalLink(gateway.node(), okta.tenantId(), "scim"));
      browser.click("okta production");
      browser.waitForText("Request log");

      browser.click("Rotate token");
      String rotated = browser.testId("new-token").getAttribute("value");
      assertThat(new Http(scimBase, rotated).get("/Users").status()).as("the new token").isEqualTo(200);
      assertThat(okta.scim().get("/Users").status()).as("the old one, in its hour of grace").isEqualTo(200);

      browser.click("Disable connection");
      browser.find(By.cssSelector(".page-header .pill[data-state='disabled']"));
      assertThat(new Http(scimBase, rotated).get("/Users").status()).isEqualTo(401);
      browser.click("Enable connection");
      browser.find(By.xpath("//button[normalize-space(.)='Disable connection']"));
      assertThat(new Http(scimBase, rotated).get("/Users").status()).isEqualTo(200);

      browser.type("Connection name", "Okta EU");
      browser.type("Group prefix", "Okta EU - ");
      browser.click("Save changes");
      browser.until(d -> d.findElement(By.tagName("h1")).getText().equals("Okta EU"));
      assertThat(gateway.admin().get("/admin/v1/tenants/" + okta.tenantId() + "/connections/" + okta.connectionId())
          .json().path("groupPrefix").asText()).isEqualTo("Okta EU - ");

      assertThat(browser.find(By.xpath("//button[normalize-space(.)='Delete connection']")).isEnabled())
          .as("nothing typed yet").isFalse();
      browser.type("Type \"Okta EU\" to confirm", "Okta EU");
      browser.click("Delete connection");
      browser.waitForText("No SCIM connection yet");
      assertThat(new Http(scimBase, rotated).get("/Users").status()).isEqualTo(401);
      assertThat(browser.cspViolations()).isEmpty();
    }
  }
}
