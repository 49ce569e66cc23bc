package io.scimgate.connectors.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * How an admin connects one identity provider to scimgate, step by step: what the admin portal shows next to a
 * new connection's SCIM base URL and token ({@link IdpConnector#setupGuide()}; the admin API lists it under
 * {@code GET /admin/v1/connectors}).
 *
 * <p>Plain text only: the portal shows every field as text, never as HTML. A guide belongs to the connector, not
 * to a connection: refer to "the SCIM base URL" and "the token" the portal shows beside it, and never put a
 * secret in it. Name the provider's screens and fields as its console labels them, so an admin can find them.
 *
 * @param summary one or two sentences above the steps (non-blank, at most {@value #MAX_SUMMARY_LENGTH}
 *     characters, no line breaks)
 * @param steps the steps in order: at least one, at most {@value #MAX_STEPS}
 * @param docsUrl the provider's own documentation of these screens, an absolute {@code https} URL, or
 *     {@code null}
 * @throws IllegalArgumentException if a field is missing, too long, or not plain text, if there are no steps or
 *     more than {@value #MAX_STEPS}, or if {@code docsUrl} is not an absolute https URL
 */
public record SetupGuide(String summary, List<SetupStep> steps, String docsUrl) {
  /** The longest summary accepted. */
  public static final int MAX_SUMMARY_LENGTH = 500;
  /** The most steps a guide may have. */
  public static final int MAX_STEPS = 20;
  /** The longest documentation URL accepted. */
  public static final int MAX_URL_LENGTH = 2000;

  public SetupGuide {
    PlainText.required(summary, "setup guide summary", MAX_SUMMARY_LENGTH, false);
    if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new IllegalArgumentException("a setup guide has 1 to " + MAX_STEPS + " steps, not "
          + (steps == null ? "none" : steps.size()));
    }
    if (steps.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("setup guide steps must not be null");
    }
    steps = List.copyOf(steps);
    checkDocsUrl(docsUrl);
  }

  /**
   * The guide for a provider scimgate knows nothing special about: what any SCIM 2.0 client needs (base URL,
   * bearer token, the attributes scimgate reads). {@link IdpConnector#setupGuide()} returns it by default.
   *
   * @param providerName the provider as admins know it, usually {@link IdpConnector#displayName()}
   */
  public static SetupGuide generic(String providerName) {
    PlainText.required(providerName, "provider name", 100, false);
    return new SetupGuide("Connect " + providerName + " to this connection as a SCIM 2.0 client: give it the SCIM"
        + " base URL and the token shown here, then let it push users and groups.", List.of(
        new SetupStep("Open the provisioning settings",
            "In " + providerName + ", open (or create) the application or integration that provisions users over"
                + " SCIM 2.0."),
        new SetupStep("Enter the SCIM base URL",
            "Use the SCIM base URL shown here as the SCIM endpoint (some consoles call it base URL or tenant URL)."
                + " Users are under /Users and groups under /Groups below it."),
        new SetupStep("Authenticate with the token",
            "Send the token shown here in an HTTP header on every request:\nAuthorization: Bearer <token>\n"
                + "The token is shown only once: store it in " + providerName + " now."),
        new SetupStep("Send users",
            "scimgate reads these user attributes: userName (required, unique within the connection; usually the"
                + " e-mail address), name.givenName and name.familyName, emails (the primary work address: type"
                + " \"work\", primary true), active (false deactivates the person) and externalId (" + providerName
                + "'s own id of the user)."),
        new SetupStep("Send groups",
            "Push groups with displayName and members (each member's value is the id scimgate returned for the"
                + " user). The product shows each group under its name with the connection's group prefix."),
        new SetupStep("Start provisioning",
            "Start provisioning. The connection leaves \"waiting\" as soon as the first authenticated request"
                + " arrives.")),
        "https://www.rfc-editor.org/rfc/rfc7644");
  }

  private static void checkDocsUrl(String docsUrl) {
    if (docsUrl == null) {
      return;
    }
    PlainText.required(docsUrl, "setup guide docsUrl", MAX_URL_LENGTH, false);
    try {
      URI uri = new URI(docsUrl);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("setup guide docsUrl must be an absolute https URL without user info: "
            + docsUrl);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("setup guide docsUrl is not a URL: " + e.getMessage(), e);
    }
  }
}
