package io.scimgate.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Browser;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.ScimClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The Personnel screen over 30 people: pages, search, filters, a person's SCIM users and history. */
class PortalPersonnelTest {
  private static final int PEOPLE = 30;
  private static final int PAGE_SIZE = 25;

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();

  @Test
  void pagesSearchesFiltersAndShowsAPersonsHistory() {
    ScimClient okta = gateway.newConnection("okta");
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= PEOPLE; i++) {
      ids.add(okta.scim().post("/Users", Fixtures.oktaUser("person-%02d@acme.test".formatted(i))).json().get("id")
          .asText());
    }
    okta.scim().post("/Groups", Fixtures.group("Night shift", ids.get(0), ids.get(1), ids.get(2)));
    okta.scim().patchOps("/Users/" + ids.get(29), "{\"op\":\"replace\",\"value\":{\"active\":false}}");

    try (Browser browser = Browser.open(gateway.url())) {
      browser.go(PortalSteps.portalLink(gateway.node(), okta.tenantId(), "personnel"));
      awaitRows(browser, PAGE_SIZE);
      assertThat(browser.mainText()).contains("Page 1 · 30 people");
      browser.click("Next");
      awaitRows(browser, PEOPLE - PAGE_SIZE);
      assertThat(browser.mainText()).contains("Page 2");
      browser.click("Previous");
      awaitRows(browser, PAGE_SIZE);

      browser.type("Search", "person-07");
      awaitRows(browser, 1);
      assertThat(browser.find(By.cssSelector("tr[data-person-id]")).getText()).contains("person-07@acme.test");
      browser.field("Search").clear(); // fires no input event: the space does, and the screen trims it
      browser.field("Search").sendKeys(" ");
      awaitRows(browser, PAGE_SIZE);

      new Select(browser.field("Status")).selectByVisibleText("Deprovisioned");
      awaitRows(browser, 1);
      assertThat(browser.find(By.cssSelector("tr[data-person-id]")).getText()).contains("person-30@acme.test");
      new Select(browser.field("Status")).selectByVisibleText("Any status");
      new Select(browser.field("SCIM group")).selectByVisibleText("Okta SCIM - Night shift");
      awaitRows(browser, 3);

      browser.find(By.cssSelector("tr[data-person-id] button[aria-expanded='false']")).click();
      browser.until(d -> d.findElement(By.cssSelector(".history ol.timeline")).getText().contains("Imported"));
      assertThat(browser.find(By.cssSelector(".history .identities")).getText()).contains("okta production")
          .contains("person-01@acme.test").contains("Active");
      assertThat(browser.cspViolations()).isEmpty();
    }
  }

  private static void awaitRows(Browser browser, int count) {
    browser.until(d -> d.findElements(By.cssSelector("tr[data-person-id]")).size() == count);
  }
}
