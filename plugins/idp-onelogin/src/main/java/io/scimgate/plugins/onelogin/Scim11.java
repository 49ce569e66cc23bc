package io.scimgate.plugins.onelogin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ResourceKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SCIM 1.1 schema URNs (draft-scim-core-schema-01) and their SCIM 2.0 names (RFC 7643 §8.7). */
final class Scim11 {
  static final String CORE_11 = "urn:scim:schemas:core:1.0";
  static final String ENTERPRISE_11 = "urn:scim:schemas:extension:enterprise:1.0";
  static final String USER_20 = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP_20 = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String ENTERPRISE_20 = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private Scim11() {}

  /** Rewrites {@code schemas} and moves 1.1-URN keys: core attributes to the top, enterprise ones to 2.0. */
  static void upgradeKeys(ObjectNode resource, ResourceKind kind) {
    String core20 = kind == ResourceKind.USER ? USER_20 : GROUP_20;
    if (resource.get("schemas") instanceof ArrayNode schemas) {
      Set<String> upgraded = new LinkedHashSet<>();
      schemas.forEach(urn -> upgraded.add(upgradeUrn(urn.asText(), core20)));
      schemas.removeAll();
      upgraded.forEach(schemas::add);
    }
    for (Map.Entry<String, JsonNode> field : List.copyOf(resource.properties())) {
      String key = field.getKey();
      if (key.equalsIgnoreCase(CORE_11) && field.getValue() instanceof ObjectNode core) {
        resource.remove(key);
        core.fields().forEachRemaining(attribute -> resource.putIfAbsent(attribute.getKey(), attribute.getValue()));
      } else if (key.equalsIgnoreCase(ENTERPRISE_11)) {
        resource.remove(key);
        resource.set(ENTERPRISE_20, field.getValue());
      } else if (key.regionMatches(true, 0, ENTERPRISE_11 + ":", 0, ENTERPRISE_11.length() + 1)) {
        resource.remove(key);
        resource.set(ENTERPRISE_20 + key.substring(ENTERPRISE_11.length()), field.getValue());
      }
    }
  }

  private static String upgradeUrn(String urn, String core20) {
    if (urn.equalsIgnoreCase(CORE_11)) {
      return core20;
    }
    return urn.equalsIgnoreCase(ENTERPRISE_11) ? ENTERPRISE_20 : urn;
  }

  /** {@code urn:scim:schemas:extension:enterprise:1.0:department} to the 2.0 path, core 1.1 paths to bare. */
  static String upgradePath(String path) {
    if (path.regionMatches(true, 0, ENTERPRISE_11 + ":", 0, ENTERPRISE_11.length() + 1)) {
      return ENTERPRISE_20 + path.substring(ENTERPRISE_11.length());
    }
    if (path.regionMatches(true, 0, CORE_11 + ":", 0, CORE_11.length() + 1)) {
      return path.substring(CORE_11.length() + 1);
    }
    return path;
  }
}
