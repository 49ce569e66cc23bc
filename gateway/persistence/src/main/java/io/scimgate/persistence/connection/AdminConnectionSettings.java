package io.scimgate.persistence.connection;

import java.util.Map;

/**
 * What an admin sets on a connection: its name, the prefix of its groups' product-side names, the attribute
 * mappings its connector applies to inbound payloads (source attribute path to target attribute path), its
 * request budget ({@code null}: the operator's default), and whether its {@code /ServiceProviderConfig} advertises
 * RFC 9865 {@code pagination} (off by default: some clients refuse the document with it).
 */
public record AdminConnectionSettings(String name, String groupPrefix, Map<String, String> attributeMappings,
    RateLimit rateLimit, boolean advertisePagination) {
  public AdminConnectionSettings {
    attributeMappings = attributeMappings == null ? Map.of() : Map.copyOf(attributeMappings);
  }

  /** Settings with the default request budget, pagination not advertised. */
  public AdminConnectionSettings(String name, String groupPrefix, Map<String, String> attributeMappings) {
    this(name, groupPrefix, attributeMappings, null, false);
  }
}
