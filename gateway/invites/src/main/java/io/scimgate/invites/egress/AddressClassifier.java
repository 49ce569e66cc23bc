package io.scimgate.invites.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sorts out the addresses a webhook must never reach: the gateway itself, its networks, and the cloud's metadata
 * service. Named by class, so that a refusal can say why without echoing anything about the network.
 */
public final class AddressClassifier {
  private record Blocked(Cidr range, String what) {}

  private static final List<Blocked> BLOCKED = List.of(
      blocked("0.0.0.0/8", "an unspecified"),
      blocked("127.0.0.0/8", "a loopback"),
      blocked("10.0.0.0/8", "a private"),
      blocked("172.16.0.0/12", "a private"),
      blocked("192.168.0.0/16", "a private"),
      blocked("100.64.0.0/10", "a shared address space (CGNAT)"),
      blocked("169.254.0.0/16", "a link-local"),
      blocked("192.0.0.0/24", "a reserved"),
      blocked("198.18.0.0/15", "a reserved"),
      blocked("224.0.0.0/4", "a multicast"),
      blocked("240.0.0.0/4", "a reserved"),
      blocked("::/128", "an unspecified"),
      blocked("::1/128", "a loopback"),
      blocked("fe80::/10", "a link-local"),
      blocked("fec0::/10", "a private"),
      blocked("fc00::/7", "a unique-local"),
      blocked("ff00::/8", "a multicast"),
      blocked("100::/64", "a reserved"),
      blocked("2001::/32", "a reserved")); // Teredo: tunnels to an IPv4 address it hides

  /** IPv6 ranges that carry an IPv4 address (compatible, NAT64, 6to4), and where in the 16 bytes it sits. */
  private record Embedding(Cidr range, int offset) {}

  private static final List<Embedding> EMBEDDINGS = List.of(
      new Embedding(Cidr.parse("::/96"), 12),
      new Embedding(Cidr.parse("64:ff9b::/96"), 12),
      new Embedding(Cidr.parse("2002::/16"), 2));

  private AddressClassifier() {}

  /** Why the gateway must not call {@code address} ("a loopback address"), or empty if it may. */
  public static Optional<String> refusal(InetAddress address) {
    Optional<InetAddress> embedded = embeddedIpv4(address);
    if (embedded.isPresent()) {
      return refusal(embedded.get());
    }
    return BLOCKED.stream().filter(blocked -> blocked.range().contains(address))
        .map(blocked -> blocked.what() + " address").findFirst();
  }

  private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address) || address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return Optional.empty(); // :: and ::1 are themselves, not IPv4-compatible forms of 0.0.0.0 and 0.0.0.1
    }
    byte[] bytes = address.getAddress();
    return EMBEDDINGS.stream().filter(embedding -> embedding.range().contains(address)).findFirst()
        .map(embedding -> ipv4(Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4)));
  }

  private static InetAddress ipv4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }

  private static Blocked blocked(String range, String what) {
    return new Blocked(Cidr.parse(range), what);
  }
}
