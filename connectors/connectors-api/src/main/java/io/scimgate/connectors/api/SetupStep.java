package io.scimgate.connectors.api;

/**
 * One step of a {@link SetupGuide}, as an admin follows it in the identity provider's console.
 *
 * <p>Plain text only: the admin portal shows both fields as text, never as HTML, so markup appears literally.
 * Refer to the values the portal shows next to the guide by their names ("the SCIM base URL", "the token"):
 * a guide belongs to the connector, not to one connection, and never contains a secret.
 *
 * @param title a short imperative heading, one line: {@code "Enter the base URL and token"} (non-blank, at most
 *     {@value #MAX_TITLE_LENGTH} characters)
 * @param instructions what to do, in sentences; may be empty, may contain line breaks ({@code \n}), at most
 *     {@value #MAX_INSTRUCTIONS_LENGTH} characters
 * @throws IllegalArgumentException if a field is null, too long, or contains control characters other than line
 *     breaks in {@code instructions} (and a blank {@code title})
 */
public record SetupStep(String title, String instructions) {
  /** The longest title accepted. */
  public static final int MAX_TITLE_LENGTH = 120;
  /** The longest instructions accepted. */
  public static final int MAX_INSTRUCTIONS_LENGTH = 2000;

  public SetupStep {
    PlainText.required(title, "setup step title", MAX_TITLE_LENGTH, false);
    PlainText.bounded(instructions, "setup step instructions", MAX_INSTRUCTIONS_LENGTH, true);
  }
}
