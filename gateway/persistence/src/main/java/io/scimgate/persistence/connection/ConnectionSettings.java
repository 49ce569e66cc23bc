package io.scimgate.persistence.connection;

import java.util.Map;

/**
 * What an admin sets on a connection: its name, the prefix of its groups' product-side names, and the attribute
 * mappings its connector applies to inbound payloads (source attribute path to target attribute path).
 */
public record ConnectionSettings(String name, String groupPrefix, Map<String, String> attributeMappings) {
  public ConnectionSettings {
    attributeMappings = attributeMappings == null ? Map.of() : Map.copyOf(attributeMappings);
  }
}
