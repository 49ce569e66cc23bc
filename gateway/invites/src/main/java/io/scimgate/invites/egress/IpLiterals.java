package io.scimgate.invites.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, read strictly. The C resolver (and so {@code InetAddress}) also reads {@code 2130706433},
 * {@code 0x7f.1} and {@code 0177.0.0.1} as 127.0.0.1: forms that get past a filter written for dotted quads.
 * Only the canonical forms count as addresses here, and {@link #looksNumeric} spots the others so they can be
 * refused outright.
 */
public final class IpLiterals {
  private static final Pattern OCTET = Pattern.compile("0|[1-9]\\d{0,2}");
  /** A label a resolver may read as a number: decimal, octal (leading 0) or hexadecimal (0x). */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)0x[0-9a-f]*|\\d+");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  private IpLiterals() {}

  /** The address of a canonical dotted quad or an IPv6 literal (brackets optional); never asks DNS. */
  public static Optional<InetAddress> parse(String host) {
    String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean literal = text.contains(":") ? IPV6.matcher(text).matches() : isDottedQuad(text);
    if (!literal) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text)); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Every label numeric, but not a canonical dotted quad: a trick, or at best a typo. */
  public static boolean looksNumeric(String host) {
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (!NUMERIC_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !isDottedQuad(host);
  }

  private static boolean isDottedQuad(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (!OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
