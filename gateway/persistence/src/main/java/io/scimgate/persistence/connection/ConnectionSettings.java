package io.scimgate.persistence.connection;

import java.util.Map;

/**
 * What an admin sets on a connection: its name, the prefix of its groups' product-side names, the attribute
 * mappings its connector applies to inbound payloads (source attribute path to target attribute path), and its
 * request budget ({@code null}: the operator's default).
 */
public record ConnectionSettings(String name, String groupPrefix, Map<String, String> attributeMappings,
    RateLimit rateLimit) {
  public ConnectionSettings {
    attributeMappings = attributeMappings == null ? Map.of() : Map.copyOf(attributeMappings);
  }

  /** Settings with the default request budget. */
  public ConnectionSettings(String name, String groupPrefix, Map<String, String> attributeMappings) {
    this(name, groupPrefix, attributeMappings, null);
  }
}
