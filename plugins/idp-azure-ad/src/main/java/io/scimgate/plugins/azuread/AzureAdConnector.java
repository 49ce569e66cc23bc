package io.scimgate.plugins.azuread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.FilterRewrites;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.api.Rewrites;
import io.scimgate.connectors.api.SetupGuide;
import org.pf4j.Extension;

/**
 * Microsoft Entra ID (Azure AD). Entra speaks two PATCH dialects, chosen by the {@code aadOptscim062020} flag in
 * the tenant URL and ignored by on-demand provisioning, so both are normalised on every request
 * (docs/idp-behaviour.md E1-E13):
 * <ul>
 *   <li>{@code "op":"Replace"} and {@code "delete"} become {@code replace} / {@code remove} (E1);</li>
 *   <li>{@code "True"/"False"} strings become booleans wherever {@code active} or {@code primary} is meant,
 *   also inside value filters such as {@code roles[primary eq "True"]} (E2);</li>
 *   <li>{@code null} values, including {@code "$ref": null} on members, mean "absent" (E5, E13);</li>
 *   <li>a scalar or one-element-array {@code manager} becomes {@code {"value": ...}}, and the bare path
 *   {@code manager} is the enterprise extension's (E7);</li>
 *   <li>role values holding a JSON object as a string are parsed (E8);</li>
 *   <li>filters such as {@code emails[type eq "work"].value eq "x"} (Microsoft's tutorial) get the RFC form
 *   {@code emails[type eq "work" and value eq "x"]}, and the bare {@code manager} in filters is the enterprise
 *   extension's (E10);</li>
 *   <li>the schema URN typo {@code enterprise:2.0User} of Microsoft's own example is repaired (E13).</li>
 * </ul>
 * Path-less replace with dotted or URN keys (E3), member removal with a value array (E4) and filtered add on a
 * missing element (E9) are RFC-compatible readings the gateway's core already applies.
 */
@Extension
public final class AzureAdConnector implements IdpConnector {

  @Override
  public String id() {
    return "azure-ad";
  }

  @Override
  public String displayName() {
    return "Microsoft Entra ID (Azure AD)";
  }

  @Override
  public String defaultGroupPrefix() {
    return "Azure AD SCIM - ";
  }

  @Override
  public SetupGuide setupGuide() {
    return EntraSetupGuide.GUIDE;
  }

  @Override
  public ObjectNode normalizeUser(ObjectNode user, ConnectionSettings settings) {
    ObjectNode out = user.deepCopy();
    Rewrites.removeNulls(out);
    EntraValues.repairEnterpriseUrn(out);
    Rewrites.coerceBooleanStrings(out, Rewrites.BOOLEAN_ATTRIBUTES);
    if (out.get(EntraValues.ENTERPRISE_URN) instanceof ObjectNode enterprise && enterprise.has("manager")) {
      enterprise.set("manager", EntraValues.manager(enterprise.get("manager")));
    }
    if (out.has("roles")) {
      out.set("roles", EntraValues.roles(out.get("roles")));
    }
    return out;
  }

  @Override
  public ObjectNode normalizeGroup(ObjectNode group, ConnectionSettings settings) {
    ObjectNode out = group.deepCopy();
    Rewrites.removeNulls(out);
    Rewrites.coerceBooleanStrings(out, Rewrites.BOOLEAN_ATTRIBUTES);
    return out;
  }

  @Override
  public ArrayNode normalizePatch(ResourceKind kind, ArrayNode operations, ConnectionSettings settings) {
    return Rewrites.lenientPatch(operations, operation -> normalizeOperation(kind, operation));
  }

  private static void normalizeOperation(ResourceKind kind, ObjectNode operation) {
    JsonNode value = operation.get("value");
    JsonNode path = operation.get("path");
    if (path != null && path.isTextual()) {
      operation.put("path", EntraValues.path(kind, path.asText()));
      if (kind == ResourceKind.USER && value != null) {
        operation.set("value", EntraValues.valueAtPath(operation.get("path").asText(), value));
      }
    } else if (kind == ResourceKind.USER && value instanceof ObjectNode values) {
      EntraValues.repairEnterpriseUrn(values);
      EntraValues.pathlessValues(values);
    }
  }

  @Override
  public String normalizeFilter(ResourceKind kind, String filter, ConnectionSettings settings) {
    String rfc = FilterRewrites.subAttributeAfterValueFilter(filter);
    String qualified = FilterRewrites.qualify(rfc, "manager", EntraValues.ENTERPRISE_URN + ":manager");
    return EntraValues.booleanLiterals(qualified);
  }
}
