package io.scimgate.plugins.onelogin;

import io.scimgate.connectors.api.SetupGuide;
import io.scimgate.connectors.api.SetupStep;
import java.util.List;

/** Where the base URL and token go in OneLogin's SCIM provisioner app, and how groups are provisioned. */
final class OneLoginSetupGuide {
  static final SetupGuide GUIDE = new SetupGuide(
      "In OneLogin, add a SCIM v2 provisioner app, give it the SCIM base URL and the token, enable provisioning,"
          + " and map OneLogin roles or groups to groups with rules.",
      List.of(
          new SetupStep("Add the app",
              "In the OneLogin admin portal, go to Applications > Applications > Add App, search for \"SCIM"
                  + " Provisioner with SAML (SCIM v2 Enterprise)\", select it, name it and save."),
          new SetupStep("Enter the base URL and the token",
              "On the Configuration tab:\n"
                  + "SCIM Base URL: the SCIM base URL shown here.\n"
                  + "SCIM Bearer Token: the token.\n"
                  + "The SCIM JSON Template can stay as it is: this connector also accepts SCIM 1.1 schema names"
                  + " and empty or unfilled {$...} placeholders."),
          new SetupStep("Enable the API connection",
              "Under API Connection, click Enable (OneLogin then tries the connection), and save."),
          new SetupStep("Enable provisioning",
              "On the Provisioning tab, select Enable provisioning. Clear the admin approval boxes for creating,"
                  + " deleting and updating users unless you want to approve each change. Save."),
          new SetupStep("Include groups",
              "On the Parameters tab, open Groups, select Include in User Provisioning, and save."),
          new SetupStep("Map groups with rules and give people access",
              "On the Rules tab, add a rule whose action sets Groups in this app from a OneLogin value (for"
                  + " example each of the user's roles), save it and apply it. Give people the app through a role"
                  + " on the Access tab: OneLogin provisions those users.")),
      "https://developers.onelogin.com/scim");

  private OneLoginSetupGuide() {}
}
