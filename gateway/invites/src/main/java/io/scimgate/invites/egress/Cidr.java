package io.scimgate.invites.egress;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IP range in CIDR notation ({@code 10.20.0.0/16}, {@code fd00::/8}; a bare address is a range of one). Ranges
 * of one family never contain addresses of the other: IPv4-mapped IPv6 addresses already arrive as IPv4 (Java
 * converts them when it parses or resolves them).
 */
public record Cidr(InetAddress network, int prefixLength) {

  public Cidr {
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("a prefix length of 0 to " + bits + " bits");
    }
  }

  /** Parses {@code address[/prefix]} without ever asking DNS; an IllegalArgumentException names what is wrong. */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress network = IpLiterals.parse(address)
        .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range"));
    int bits = network.getAddress().length * 8;
    if (slash < 0) {
      return new Cidr(network, bits);
    }
    String prefix = text.substring(slash + 1);
    if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
      throw new IllegalArgumentException("'" + text + "' needs a prefix length of 0 to " + bits);
    }
    return new Cidr(network, Integer.parseInt(prefix));
  }

  public boolean contains(InetAddress address) {
    byte[] range = network.getAddress();
    byte[] candidate = address.getAddress();
    if (range.length != candidate.length) {
      return false;
    }
    int whole = prefixLength / 8;
    if (!Arrays.equals(range, 0, whole, candidate, 0, whole)) {
      return false;
    }
    int rest = prefixLength % 8;
    int mask = (0xff << (8 - rest)) & 0xff;
    return rest == 0 || (range[whole] & mask) == (candidate[whole] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
