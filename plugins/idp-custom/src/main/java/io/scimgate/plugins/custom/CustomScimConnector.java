package io.scimgate.plugins.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.AttributeMappings;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.FilterRewrites;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.api.Rewrites;
import io.scimgate.connectors.api.SetupGuide;
import org.pf4j.Extension;

/**
 * "Custom SCIM": any RFC 7644 client we have no connector for (an in-house HR system, a script, a smaller IdP).
 * It applies the connection's admin-defined attribute mappings (for example a custom extension's {@code dept}
 * to the enterprise {@code department}) and the leniency most clients need: {@code null} means absent,
 * {@code "True"/"False"} strings are booleans, {@code op} in any case and {@code delete} for {@code remove}, and
 * bare string values in filters ({@code userName sw O}) are quoted.
 * The group prefix is the connection's ({@code "Custom SCIM - "} unless the admin set another).
 */
@Extension
public final class CustomScimConnector implements IdpConnector {

  @Override
  public String id() {
    return "custom";
  }

  @Override
  public String displayName() {
    return "Custom SCIM";
  }

  @Override
  public String defaultGroupPrefix() {
    return "Custom SCIM - ";
  }

  @Override
  public SetupGuide setupGuide() {
    return CustomSetupGuide.GUIDE;
  }

  @Override
  public ObjectNode normalizeUser(ObjectNode user, ConnectionSettings settings) {
    return normalizeResource(user, settings);
  }

  @Override
  public ObjectNode normalizeGroup(ObjectNode group, ConnectionSettings settings) {
    return normalizeResource(group, settings);
  }

  private static ObjectNode normalizeResource(ObjectNode resource, ConnectionSettings settings) {
    ObjectNode out = resource.deepCopy();
    Rewrites.removeNulls(out);
    AttributeMappings.applyToResource(out, settings.attributeMappings());
    Rewrites.coerceBooleanStrings(out, Rewrites.BOOLEAN_ATTRIBUTES);
    return out;
  }

  @Override
  public ArrayNode normalizePatch(ResourceKind kind, ArrayNode operations, ConnectionSettings settings) {
    ArrayNode out = operations.deepCopy();
    Rewrites.canonicalOps(out);
    for (JsonNode operation : out) {
      JsonNode value = operation.get("value");
      if (value != null && value.isContainerNode()) {
        Rewrites.removeNulls(value);
      }
    }
    AttributeMappings.applyToPatch(out, settings.attributeMappings());
    Rewrites.coerceBooleanStringsInPatch(out, Rewrites.BOOLEAN_ATTRIBUTES);
    return out;
  }

  /** Microsoft's Postman-style filters: {@code emails[type eq "work"].value eq x}, then bare values quoted. */
  @Override
  public String normalizeFilter(ResourceKind kind, String filter, ConnectionSettings settings) {
    return BareFilterValues.quote(FilterRewrites.subAttributeAfterValueFilter(filter));
  }
}
