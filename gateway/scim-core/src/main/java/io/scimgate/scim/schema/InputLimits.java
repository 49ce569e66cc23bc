package io.scimgate.scim.schema;

import java.util.Set;

/**
 * Every limit on SCIM input, in one place. Over a limit is a 400 {@code invalidValue} (or {@code invalidFilter})
 * whose detail names the attribute and the limit; {@code /Schemas} advertises the attribute limits in each
 * attribute's {@code description} (RFC 7643 §7 has no field for them) and the README lists them all.
 *
 * <p>Lengths count characters (Unicode code points), as PostgreSQL's {@code length()} does.
 */
public final class InputLimits {
  /**
   * Attributes stored in b-tree indexed columns: {@code userName}, {@code externalId}, {@code displayName} (users
   * and groups) and {@code emails.value}. A b-tree entry must fit in about 2,700 bytes; 256 characters are at most
   * 1,024 bytes in UTF-8, well under that even with a 64-character group prefix in front. IdPs stay below it:
   * Entra caps displayName at 256 characters and userPrincipalName at 113, Okta logins at 100, and an e-mail
   * address is at most 254 (RFC 5321).
   */
  public static final int IDENTIFIER_LENGTH = 256;
  /** Any other string (titles, addresses, extension values, ...): generous for text, small next to the body limit. */
  public static final int TEXT_LENGTH = 4096;
  /** {@code x509Certificates.value} holds a base64 DER certificate, commonly 1-3 KB, more with long SAN lists. */
  public static final int CERTIFICATE_LENGTH = 16_384;
  /**
   * Values of one multi-valued attribute (emails, phoneNumbers, roles, ...): no person has a hundred e-mail
   * addresses, and the bound keeps a document's size (and its `co` filter cost) predictable. Group
   * {@code members} are exempt: Okta and Entra push members in large batches, bounded by the body size limit
   * and, across requests, by the Bulk operation limit.
   */
  public static final int VALUES_PER_ATTRIBUTE = 100;
  /** Operations per PATCH: Entra sends a handful, Okta one per change; a thousand is far above both. */
  public static final int PATCH_OPERATIONS = 1000;
  /** A filter's length in characters: the longest real filters (a few hundred {@code or}ed ids) fit. */
  public static final int FILTER_LENGTH = 10_000;
  /** A filter's nesting of parentheses and {@code not}: bounds the parser's recursion. */
  public static final int FILTER_DEPTH = 64;

  private static final Set<String> IDENTIFIERS = Set.of("userName", "externalId", "displayName", "emails.value");
  private static final Set<String> UNCOUNTED = Set.of("members");

  private InputLimits() {}

  /** The most characters a string at {@code path} may have; the path as validation names it ({@code emails.value}). */
  public static int maxLength(String path) {
    if (IDENTIFIERS.contains(path)) {
      return IDENTIFIER_LENGTH;
    }
    return path.equals("x509Certificates.value") ? CERTIFICATE_LENGTH : TEXT_LENGTH;
  }

  /** The most values the multi-valued attribute at {@code path} may hold; {@link Integer#MAX_VALUE}: unbounded. */
  public static int maxValues(String path) {
    return UNCOUNTED.contains(path) ? Integer.MAX_VALUE : VALUES_PER_ATTRIBUTE;
  }

  /** Whether {@code text} is longer than {@code max} characters, counting code points only when it could be. */
  public static boolean tooLong(String text, int max) {
    return text.length() > max && text.codePointCount(0, text.length()) > max;
  }

  /** The types whose values are strings a length limit applies to (a dateTime's format bounds its own). */
  public static boolean isText(AttributeType type) {
    return type == AttributeType.STRING || type == AttributeType.REFERENCE || type == AttributeType.BINARY;
  }

  /** The limits of the attribute at {@code path}, as a sentence for its {@code description} in /Schemas. */
  public static String describe(AttributeDefinition definition, String path) {
    StringBuilder limits = new StringBuilder();
    if (definition.mutability() == Mutability.READ_ONLY) {
      return ""; // never written by clients: nothing to limit
    }
    if (definition.multiValued() && maxValues(path) != Integer.MAX_VALUE) {
      limits.append(" At most ").append(maxValues(path)).append(" values.");
    }
    if (isText(definition.type())) {
      limits.append(" At most ").append(maxLength(path)).append(" characters.");
    }
    return limits.toString();
  }
}
