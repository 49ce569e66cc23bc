package io.scimgate.plugins.onelogin;

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
 * OneLogin (docs/idp-behaviour.md N1-N4). OneLogin's payload is the admin's own SCIM JSON template, so its shape
 * depends on the customer:
 * <ul>
 *   <li>SCIM 1.1 schema URNs ({@code urn:scim:schemas:core:1.0}, {@code urn:scim:schemas:extension:enterprise:1.0})
 *   on a 2.0 endpoint: mapped to their 2.0 names, in {@code schemas}, as keys and in PATCH paths (N1, N3);</li>
 *   <li>empty strings from unset template placeholders ({@code "{$user.department}"} with no department), and
 *   placeholders left unexpanded: both mean "no value" (N2, N3);</li>
 *   <li>{@code "True"/"False"} strings for booleans, {@code null} values.</li>
 * </ul>
 * In a PATCH, {@code add}/{@code replace} of an empty string becomes a {@code remove} of that path.
 */
@Extension
public final class OneLoginConnector implements IdpConnector {

  @Override
  public String id() {
    return "onelogin";
  }

  @Override
  public String displayName() {
    return "OneLogin";
  }

  @Override
  public String defaultGroupPrefix() {
    return "OneLogin SCIM - ";
  }

  @Override
  public SetupGuide setupGuide() {
    return OneLoginSetupGuide.GUIDE;
  }

  @Override
  public ObjectNode normalizeUser(ObjectNode user, ConnectionSettings settings) {
    return normalizeResource(user, ResourceKind.USER);
  }

  @Override
  public ObjectNode normalizeGroup(ObjectNode group, ConnectionSettings settings) {
    return normalizeResource(group, ResourceKind.GROUP);
  }

  private static ObjectNode normalizeResource(ObjectNode resource, ResourceKind kind) {
    ObjectNode out = resource.deepCopy();
    Rewrites.removeNulls(out);
    TemplatePlaceholders.blankUnexpanded(out);
    Rewrites.removeBlankStrings(out);
    TemplatePlaceholders.dropValuelessElements(out);
    Scim11.upgradeKeys(out, kind);
    Rewrites.coerceBooleanStrings(out, Rewrites.BOOLEAN_ATTRIBUTES);
    return out;
  }

  @Override
  public ArrayNode normalizePatch(ResourceKind kind, ArrayNode operations, ConnectionSettings settings) {
    return Rewrites.lenientPatch(operations, operation -> normalizeOperation(kind, operation));
  }

  private static void normalizeOperation(ResourceKind kind, ObjectNode operation) {
    JsonNode path = operation.get("path");
    if (path != null && path.isTextual()) {
      operation.put("path", Scim11.upgradePath(path.asText()));
    }
    JsonNode value = operation.get("value");
    if (value == null) {
      return;
    }
    if (value.isContainerNode()) {
      TemplatePlaceholders.blankUnexpanded(value);
      Rewrites.removeBlankStrings(value);
      if (value instanceof ObjectNode values && path == null) {
        Scim11.upgradeKeys(values, kind);
      }
    } else if (path != null && path.isTextual() && TemplatePlaceholders.isUnset(value)) {
      operation.put("op", "remove");
      operation.remove("value");
    }
  }
}
