package io.scimgate.invites.egress;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's exceptions to the egress rules ({@code SCIMGATE_WEBHOOK_ALLOWED_HOSTS}): host names, addresses
 * and CIDR ranges of receivers on the operator's own networks. A listed name is trusted whatever it resolves to; a
 * listed range lets its addresses through whatever name led there.
 */
public record EgressAllowlist(Set<String> names, List<Cidr> ranges) {
  private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?"
      + "(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

  public static final EgressAllowlist NONE = new EgressAllowlist(Set.of(), List.of());

  public EgressAllowlist {
    names = Set.copyOf(names);
    ranges = List.copyOf(ranges);
  }

  /** A comma-separated list; an IllegalArgumentException names the entry that is neither name nor range. */
  public static EgressAllowlist parse(String list) {
    Set<String> names = new LinkedHashSet<>();
    List<Cidr> ranges = new ArrayList<>();
    for (String raw : list == null ? new String[0] : list.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains(":") || entry.contains("/") || IpLiterals.parse(entry).isPresent()) {
        ranges.add(Cidr.parse(entry));
      } else if (HOST_NAME.matcher(entry).matches() && !IpLiterals.looksNumeric(entry)) {
        names.add(normalize(entry));
      } else {
        throw new IllegalArgumentException("'" + entry + "' is neither a host name nor an IP address or CIDR range");
      }
    }
    return new EgressAllowlist(names, ranges);
  }

  public boolean allowsName(String host) {
    return names.contains(normalize(host));
  }

  public boolean allowsAddress(InetAddress address) {
    return ranges.stream().anyMatch(range -> range.contains(address));
  }

  /** Lower case, without the trailing dot of a fully qualified name. */
  static String normalize(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  @Override
  public String toString() {
    List<String> entries = new ArrayList<>(names);
    ranges.forEach(range -> entries.add(range.toString()));
    return String.join(",", entries);
  }
}
