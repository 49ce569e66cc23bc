package io.scimgate.plugins.okta;

import io.scimgate.connectors.api.SetupGuide;
import io.scimgate.connectors.api.SetupStep;
import java.util.List;

/** Where the base URL and token go in the Okta Admin Console, and which provisioning options to turn on. */
final class OktaSetupGuide {
  static final SetupGuide GUIDE = new SetupGuide(
      "In Okta, add SCIM provisioning to an app integration, give it the SCIM base URL and the token (sent as an"
          + " HTTP header), then assign people and push groups.",
      List.of(
          new SetupStep("Create the app integration",
              "In the Okta Admin Console, go to Applications > Applications. Either click Create App Integration,"
                  + " create a SAML 2.0 or SWA integration, then on its General tab click Edit under App Settings,"
                  + " set Provisioning to SCIM and save; or click Browse App Catalog and add \"SCIM 2.0 Test App"
                  + " (Header Auth)\". Okta does not offer SCIM provisioning on OpenID Connect integrations."),
          new SetupStep("Enter the base URL and the token",
              "On the Provisioning tab, under Settings > Integration, click Edit.\n"
                  + "SCIM connector base URL: the SCIM base URL shown here.\n"
                  + "Unique identifier field for users: userName.\n"
                  + "Supported provisioning actions: Push New Users, Push Profile Updates and Push Groups.\n"
                  + "Authentication Mode: HTTP Header; Authorization: the token (Okta sends it as a Bearer"
                  + " token).\n"
                  + "With the catalog app, click Configure API Integration instead, select Enable API Integration"
                  + " and enter the SCIM base URL as Base URL and the token as API Token."),
          new SetupStep("Test the connection",
              "Click Test Connector Configuration (Test API Credentials in the catalog app), check that it"
                  + " succeeds, then save."),
          new SetupStep("Provision to the app",
              "Under Settings > To App, click Edit, enable Create Users, Update User Attributes and Deactivate"
                  + " Users, and save."),
          new SetupStep("Assign people",
              "On the Assignments tab, assign the people (or groups of people) to provision. Assigning a group"
                  + " there provisions its members but does not send the group itself."),
          new SetupStep("Push groups",
              "On the Push Groups tab, click Push Groups, find the groups by name or by rule, and save. The"
                  + " product shows them with the group prefix, for example \"Okta SCIM - Contractors\".")),
      "https://help.okta.com/en-us/content/topics/apps/apps_app_integration_wizard_scim.htm");

  private OktaSetupGuide() {}
}
