package io.scimgate.plugins.azuread;

import io.scimgate.connectors.api.SetupGuide;
import io.scimgate.connectors.api.SetupStep;
import java.util.List;

/** Where the base URL and token go in Microsoft Entra ID's provisioning blade, and how provisioning starts. */
final class EntraSetupGuide {
  static final SetupGuide GUIDE = new SetupGuide(
      "In Microsoft Entra ID, create a non-gallery enterprise application, give its provisioning the SCIM base URL"
          + " and the token, then assign users and groups and start provisioning.",
      List.of(
          new SetupStep("Create the enterprise application",
              "In the Microsoft Entra admin center (or the Azure portal), go to Enterprise applications > New"
                  + " application > Create your own application. Choose \"Integrate any other application you"
                  + " don't find in the gallery (Non-gallery)\", name it and click Create."),
          new SetupStep("Turn on automatic provisioning",
              "Open the application's Provisioning page (click Get started if it is shown) and set Provisioning"
                  + " Mode to Automatic."),
          new SetupStep("Enter the admin credentials",
              "Under Admin Credentials:\n"
                  + "Tenant URL: the SCIM base URL shown here.\n"
                  + "Secret Token: the token.\n"
                  + "Click Test Connection and check that Entra reports the credentials as authorized, then save."),
          new SetupStep("Check the mappings",
              "Under Mappings, keep \"Provision Microsoft Entra ID Users\" enabled, and \"Provision Microsoft"
                  + " Entra ID Groups\" to send groups. The default user mapping sends userPrincipalName as"
                  + " userName and mail as the work e-mail; change it only if your people's addresses differ."),
          new SetupStep("Choose who is provisioned",
              "Under Settings, leave Scope at \"Sync only assigned users and groups\", and assign the users and"
                  + " groups to provision on the application's Users and groups page."),
          new SetupStep("Start provisioning",
              "Set Provisioning Status to On and save. Entra provisions in cycles: the first one takes longer the"
                  + " more users and groups are in scope; after it, Entra sends changes about every 40 minutes."
                  + " To test without waiting, Provision on demand sends one user right away.")),
      "https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups");

  private EntraSetupGuide() {}
}
