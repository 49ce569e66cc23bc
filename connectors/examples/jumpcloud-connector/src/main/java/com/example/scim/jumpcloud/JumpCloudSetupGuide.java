package com.example.scim.jumpcloud;

import io.scimgate.connectors.api.SetupGuide;
import io.scimgate.connectors.api.SetupStep;
import java.util.List;

/**
 * What the admin portal shows next to a new JumpCloud connection's base URL and token: JumpCloud's own screens,
 * in plain text. No docsUrl: a guide links only to documentation its author keeps track of.
 */
final class JumpCloudSetupGuide {
  static final SetupGuide GUIDE = new SetupGuide(
      "In JumpCloud, turn on SCIM 2.0 identity management for an SSO application, give it the SCIM base URL and"
          + " the token, then bind the user groups to provision.",
      List.of(
          new SetupStep("Open the application",
              "In the JumpCloud Admin Portal, go to SSO Applications and open the application to provision"
                  + " users to (or add a custom application with identity management)."),
          new SetupStep("Enter the base URL and the token",
              "On the application's Identity Management tab, choose SCIM 2.0.\n"
                  + "Base URL: the SCIM base URL shown here.\n"
                  + "Token Key: the token.\n"
                  + "If asked for a Test User Email, enter the address of a user in your JumpCloud directory."),
          new SetupStep("Test and activate",
              "Click Test Connection; when it succeeds, click Activate, then Save."),
          new SetupStep("Bind user groups",
              "To send groups, turn on the management of user groups and group membership on the same tab if"
                  + " it is offered. Then, on the application's User Groups tab, select the groups whose members"
                  + " to provision, and save. The product shows them as \"JumpCloud SCIM - <group>\".")),
      null);

  private JumpCloudSetupGuide() {}
}
