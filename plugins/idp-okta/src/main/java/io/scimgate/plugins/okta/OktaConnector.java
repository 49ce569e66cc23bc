package io.scimgate.plugins.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.api.Rewrites;
import io.scimgate.connectors.api.SetupGuide;
import org.pf4j.Extension;

/**
 * Okta (docs/idp-behaviour.md O3-O9). Okta's payloads are close to RFC 7644; what it adds:
 * <ul>
 *   <li>{@code password} on create and in password-sync PATCHes: dropped here, so it never reaches the gateway's
 *   core, its logs or its store (O3);</li>
 *   <li>{@code groups: []} on create (read-only, dropped) and {@code id} inside the path-less group rename
 *   value (immutable, dropped) (O3, O8);</li>
 *   <li>members added as {@code [{value, display}]} without {@code type}: they are users (O9);</li>
 *   <li>{@code null} values mean "absent".</li>
 * </ul>
 * Path-less {@code replace} for deactivation and renames (O5, O8) and {@code replace members []} (O9) are RFC
 * readings the core applies.
 */
@Extension
public final class OktaConnector implements IdpConnector {

  @Override
  public String id() {
    return "okta";
  }

  @Override
  public String displayName() {
    return "Okta";
  }

  @Override
  public String defaultGroupPrefix() {
    return "Okta SCIM - ";
  }

  @Override
  public SetupGuide setupGuide() {
    return OktaSetupGuide.GUIDE;
  }

  @Override
  public ObjectNode normalizeUser(ObjectNode user, ConnectionSettings settings) {
    ObjectNode out = user.deepCopy();
    Rewrites.removeNulls(out);
    removeIgnoringCase(out, "password");
    removeIgnoringCase(out, "groups");
    return out;
  }

  @Override
  public ObjectNode normalizeGroup(ObjectNode group, ConnectionSettings settings) {
    ObjectNode out = group.deepCopy();
    Rewrites.removeNulls(out);
    typeMembersAsUsers(out.get("members"));
    return out;
  }

  @Override
  public ArrayNode normalizePatch(ResourceKind kind, ArrayNode operations, ConnectionSettings settings) {
    ArrayNode out = operations.deepCopy();
    Rewrites.canonicalOps(out);
    for (JsonNode operation : out) {
      if (!(operation instanceof ObjectNode object)) {
        continue;
      }
      JsonNode path = object.get("path");
      JsonNode value = object.get("value");
      if (path == null && value instanceof ObjectNode values) {
        removeIgnoringCase(values, "id");
        removeIgnoringCase(values, "password");
        typeMembersAsUsers(values.get("members"));
      } else if (kind == ResourceKind.GROUP && path != null && path.asText().trim().equalsIgnoreCase("members")) {
        typeMembersAsUsers(value);
      }
    }
    return out;
  }

  private static void typeMembersAsUsers(JsonNode members) {
    if (members instanceof ArrayNode array) {
      for (JsonNode member : array) {
        if (member instanceof ObjectNode object && !object.hasNonNull("type")) {
          object.put("type", "User");
        }
      }
    }
  }

  private static void removeIgnoringCase(ObjectNode object, String name) {
    object.properties().removeIf(field -> field.getKey().equalsIgnoreCase(name));
  }
}
