package io.scimgate.plugins.custom;

import io.scimgate.connectors.api.SetupGuide;
import io.scimgate.connectors.api.SetupStep;
import java.util.ArrayList;
import java.util.List;

/** The generic SCIM 2.0 guide for any client, plus what attribute mappings spare its author. */
final class CustomSetupGuide {
  private static final SetupStep MAPPINGS = new SetupStep("Map attributes with other names (optional)",
      "If your client sends an attribute under another name (for example urn:acme:scim:User:dept for the"
          + " enterprise department), an operator can add an attribute mapping to this connection"
          + " (attributeMappings in the admin API: your client's attribute path to the SCIM one) instead of"
          + " changing the client. Mappings apply to request bodies and PATCH operations.");

  static final SetupGuide GUIDE = guide();

  private CustomSetupGuide() {}

  private static SetupGuide guide() {
    SetupGuide generic = SetupGuide.generic("your SCIM client");
    List<SetupStep> steps = new ArrayList<>(generic.steps());
    steps.add(steps.size() - 1, MAPPINGS);
    return new SetupGuide("Any SCIM 2.0 client works: an in-house HR system, a script, or an identity provider"
        + " that is not listed. Give it the SCIM base URL and the token shown here.", steps, generic.docsUrl());
  }
}
