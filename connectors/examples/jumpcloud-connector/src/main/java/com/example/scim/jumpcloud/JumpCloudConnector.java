package com.example.scim.jumpcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.api.Rewrites;
import io.scimgate.connectors.api.SetupGuide;
import org.pf4j.Extension;

/**
 * JumpCloud's custom SCIM integration, as a third party would write it. JumpCloud removes group members the way
 * Entra's legacy dialect does: {@code {"op":"remove","path":"members","value":[{"value":"u1"}]}}. This connector
 * rewrites that into RFC 7644 §3.5.2.2 form, one {@code members[value eq "u1"]} removal per member, so that the
 * request means the same on any SCIM server.
 */
@Extension
public final class JumpCloudConnector implements IdpConnector {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  public String id() {
    return "jumpcloud";
  }

  @Override
  public String displayName() {
    return "JumpCloud";
  }

  @Override
  public String defaultGroupPrefix() {
    return "JumpCloud SCIM - ";
  }

  @Override
  public SetupGuide setupGuide() {
    return JumpCloudSetupGuide.GUIDE;
  }

  @Override
  public ObjectNode normalizeUser(ObjectNode user, ConnectionSettings settings) {
    ObjectNode out = user.deepCopy();
    Rewrites.removeNulls(out);
    return out;
  }

  @Override
  public ArrayNode normalizePatch(ResourceKind kind, ArrayNode operations, ConnectionSettings settings) {
    ArrayNode out = JSON.arrayNode();
    for (JsonNode operation : operations) {
      if (kind == ResourceKind.GROUP && isMemberRemovalByValue(operation)) {
        operation.get("value").forEach(member -> out.add(removal(member.get("value").asText())));
      } else {
        out.add(operation.deepCopy());
      }
    }
    return out;
  }

  private static boolean isMemberRemovalByValue(JsonNode operation) {
    if (!operation.path("op").asText().equalsIgnoreCase("remove")
        || !operation.path("path").asText().equalsIgnoreCase("members") || !operation.path("value").isArray()) {
      return false;
    }
    for (JsonNode member : operation.get("value")) {
      if (!member.path("value").isTextual()) {
        return false;
      }
    }
    return !operation.get("value").isEmpty();
  }

  private static ObjectNode removal(String memberId) {
    String quoted = memberId.replace("\\", "\\\\").replace("\"", "\\\"");
    return JSON.objectNode().put("op", "remove").put("path", "members[value eq \"" + quoted + "\"]");
  }
}
