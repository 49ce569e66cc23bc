package io.scimgate.invites.delivery;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Cheap checks on e-mail addresses before they go into SMTP commands and headers. Not RFC 5322 validation (the
 * receiving server has the last word); the point is to turn away what could never be delivered, and what would
 * let a value break out of its header: line breaks, commas (a second recipient), angle brackets, parentheses and
 * quotes (a display name of the attacker's choosing). Also the deterministic Message-ID of a delivery.
 */
final class MailAddresses {
  private static final String ADDRESS_CHAR = "[^\\s\\p{Cntrl},;<>()\"\\\\@]";
  private static final Pattern PLAUSIBLE = Pattern.compile(ADDRESS_CHAR + "+@" + ADDRESS_CHAR + "+");
  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final Pattern DOT_ATOM = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
  private static final String HEX_PREFIX = "hex.";
  private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[\\p{Cntrl}<>()\"\\\\,;]+");

  private MailAddresses() {}

  /** Whether {@code address} looks like a single bare address ({@code local@domain}). */
  static boolean isPlausible(String address) {
    return address != null && address.length() <= 254 && PLAUSIBLE.matcher(address).matches();
  }

  /** {@code name} made safe as a display name: characters that carry meaning in an address header become spaces. */
  static String displayName(String name) {
    return UNSAFE_IN_NAME.matcher(name).replaceAll(" ").trim().replaceAll(" {2,}", " ");
  }

  /**
   * {@code <id@scimgate>}. Delivery ids are UUIDs, which are valid as they are; anything else that is not a
   * dot-atom (RFC 5322 section 3.6.4) becomes {@code hex.} and its UTF-8 bytes in hex. Raw ids that start with
   * {@code hex.} are encoded too, so distinct ids always give distinct Message-IDs.
   */
  static String messageId(String deliveryId) {
    boolean asIs = DOT_ATOM.matcher(deliveryId).matches() && !deliveryId.startsWith(HEX_PREFIX);
    String local = asIs ? deliveryId
        : HEX_PREFIX + HexFormat.of().formatHex(deliveryId.getBytes(StandardCharsets.UTF_8));
    return "<" + local + "@scimgate>";
  }
}
