package io.scimgate.connectors.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a connector may know about the connection a request arrived on. Immutable; safe to share across threads.
 *
 * @param connectionId the connection's id (its base URL is {@code /scim/v2/{connectionId}})
 * @param groupPrefix the prefix of product-side group names on this connection: the connector's default unless
 *     the admin set another one
 * @param attributeMappings admin-defined renames of inbound attributes, source path to target path, each a SCIM
 *     attribute path ({@code title}, {@code name.givenName}) or a URN-qualified one
 *     ({@code urn:acme:scim:User:dept}). Connectors that support mappings (the custom one does) apply them; others
 *     may ignore them.
 */
public record ConnectionSettings(String connectionId, String groupPrefix, Map<String, String> attributeMappings) {

  public ConnectionSettings {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(groupPrefix, "groupPrefix");
    attributeMappings = attributeMappings == null ? Map.of() : Map.copyOf(attributeMappings);
  }

  /** Settings of a connection without mappings. */
  public static ConnectionSettings of(String connectionId, String groupPrefix) {
    return new ConnectionSettings(connectionId, groupPrefix, Map.of());
  }
}
