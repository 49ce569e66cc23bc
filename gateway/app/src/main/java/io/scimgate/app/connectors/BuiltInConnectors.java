package io.scimgate.app.connectors;

import io.scimgate.connectors.api.IdpConnector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vendors a connection can be created for. Until connector plugins are loaded from {@code plugins/}, the
 * four bundled vendors are defined here with their names and group prefixes.
 */
public final class BuiltInConnectors {
  private final Map<String, IdpConnector> byId = new LinkedHashMap<>();

  private BuiltInConnectors() {}

  public static BuiltInConnectors create() {
    BuiltInConnectors connectors = new BuiltInConnectors();
    connectors.add(new Vendor("okta", "Okta", "Okta SCIM - "));
    connectors.add(new Vendor("azure-ad", "Microsoft Entra ID (Azure AD)", "Azure AD SCIM - "));
    connectors.add(new Vendor("onelogin", "OneLogin", "OneLogin SCIM - "));
    connectors.add(new Vendor("custom", "Custom SCIM", "Custom SCIM - "));
    return connectors;
  }

  private void add(IdpConnector connector) {
    byId.put(connector.id(), connector);
  }

  /** The connector with this id, or {@code null}. */
  public IdpConnector get(String id) {
    return id == null ? null : byId.get(id);
  }

  public Iterable<String> ids() {
    return byId.keySet();
  }

  private record Vendor(String id, String displayName, String defaultGroupPrefix) implements IdpConnector {}
}
