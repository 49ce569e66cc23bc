package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.resource.GroupMember;
import io.scimgate.persistence.resource.GroupRef;
import io.scimgate.persistence.resource.StoredGroup;
import io.scimgate.persistence.resource.StoredResource;
import io.scimgate.persistence.resource.UserWithGroups;
import io.scimgate.scim.json.ScimJson;
import java.util.Map;
import java.util.UUID;

/** Builds the SCIM representation of stored resources: document + {@code id} + {@code meta} (+ members). */
final class ScimRenderer {
  private ScimRenderer() {}

  /** RFC 7644 §3.14: versions are weak ETags. */
  static String etag(long version) {
    return "W/\"" + version + "\"";
  }

  static ObjectNode user(StoredResource user, String baseUrl) {
    return render(user, "User", userLocation(baseUrl, user.id()));
  }

  /** {@code meta.location} of a user (and its {@code Location} header). */
  static String userLocation(String baseUrl, UUID id) {
    return baseUrl + "/Users/" + id;
  }

  /** {@code meta.location} of a group (and its {@code Location} header). */
  static String groupLocation(String baseUrl, UUID id) {
    return baseUrl + "/Groups/" + id;
  }

  /** The user with its read-only {@code groups} (RFC 7643 §4.1.2) when they were read. */
  static ObjectNode user(UserWithGroups user, String baseUrl) {
    ObjectNode out = user(user.user(), baseUrl);
    if (user.groups() != null && !user.groups().isEmpty()) {
      ArrayNode groups = ScimJson.MAPPER.createArrayNode();
      for (GroupRef group : user.groups()) {
        groups.addObject().put("value", group.id().toString()).put("$ref", groupLocation(baseUrl, group.id()))
            .put("display", group.displayName()).put("type", "direct");
      }
      out.set("groups", groups);
      out.set("meta", out.remove("meta"));
    }
    return out;
  }

  static ObjectNode group(StoredGroup group, String baseUrl) {
    ObjectNode out = render(group.resource(), "Group", groupLocation(baseUrl, group.resource().id()));
    if (group.members() != null) {
      ArrayNode members = ScimJson.MAPPER.createArrayNode();
      for (GroupMember member : group.members()) {
        members.add(member(member, baseUrl));
      }
      out.set("members", members);
      out.set("meta", out.remove("meta")); // keep meta last, as the RFC examples do
    }
    return out;
  }

  /** One value of a group's {@code members}: whole groups render through here, streamed ones too. */
  static ObjectNode member(GroupMember member, String baseUrl) {
    ObjectNode json = ScimJson.object().put("value", member.value().toString());
    if (member.display() != null) {
      json.put("display", member.display());
    }
    json.put("type", member.type());
    json.put("$ref", member.type().equals("Group") ? groupLocation(baseUrl, member.value())
        : userLocation(baseUrl, member.value()));
    return json;
  }

  private static ObjectNode render(StoredResource resource, String resourceType, String location) {
    ObjectNode out = ScimJson.object();
    out.set("schemas", resource.doc().get("schemas"));
    out.put("id", resource.id().toString());
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) resource.doc()::fields) {
      if (!field.getKey().equals("schemas")) {
        out.set(field.getKey(), field.getValue());
      }
    }
    out.putObject("meta")
        .put("resourceType", resourceType)
        .put("created", resource.created().toString())
        .put("lastModified", resource.lastModified().toString())
        .put("location", location)
        .put("version", etag(resource.version()));
    return out;
  }
}
