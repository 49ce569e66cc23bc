package io.scimgate.app.invites;

import io.scimgate.invites.delivery.InvitationLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a product's sign-up URL template, such as {@code https://app.example.com/join?token={token}}: an
 * absolute https URL (http only for localhost, to try things out), without credentials, with the placeholder
 * exactly once. Mails carry the link to people outside the company's network: a plain-http link would expose its
 * token on the way.
 */
public final class InvitationUrlTemplate {
  /** Longer than any sign-up URL; a mail client may not make a longer one clickable. */
  public static final int MAX_LENGTH = 2000;

  private InvitationUrlTemplate() {}

  /** {@code template} stripped, or an {@link IllegalArgumentException} that says what is wrong with it. */
  public static String check(String template) {
    String value = template.strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be a URL of 1 to " + MAX_LENGTH + " characters");
    }
    String placeholder = InvitationLinks.PLACEHOLDER;
    int first = value.indexOf(placeholder);
    if (first < 0 || value.indexOf(placeholder, first + 1) >= 0) {
      throw new IllegalArgumentException("must hold " + placeholder + " exactly once (where the token goes), was '"
          + value + "'");
    }
    URI uri;
    try {
      uri = new URI(value.replace(placeholder, "TOKEN"));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean local = host.equals("localhost") || host.equals("127.0.0.1");
    if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http") && local)) {
      throw new IllegalArgumentException("must be an absolute https URL (http only for localhost), was '" + value
          + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("must not hold credentials");
    }
    return value;
  }
}
