package io.scimgate.app.support;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * SCIM request bodies built around {@link HostileValues}: users, groups, PATCH and Bulk messages whose attributes
 * are mostly well-shaped with hostile leaves, sometimes wrongly typed, and whose text is sometimes cut short or
 * has every non-ASCII character escaped (which is how lone surrogates and NUL reach the parser as escapes).
 */
public final class HostileRequests {
  public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_BODY_BYTES = 1_000_000;
  private static final ObjectMapper PLAIN = JsonMapper.builder().build();
  private static final ObjectMapper ESCAPED = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final List<String> USER_ATTRIBUTES = List.of("userName", "displayName", "externalId", "title",
      "nickName", "name", "emails", "phoneNumbers", "addresses", "photos", "roles", "entitlements", "ims",
      "x509Certificates", "active", "password", "groups", "meta", "id", "schemas", "locale", "profileUrl",
      ENTERPRISE, "unknownAttribute");
  private static final List<String> MULTI_VALUED = List.of("emails", "phoneNumbers", "addresses", "photos", "roles",
      "entitlements", "ims", "x509Certificates", "members");

  private final HostileValues values;
  private final List<String> memberIds;

  /** {@code memberIds}: ids of existing resources, to be mixed with unknown and malformed member ids. */
  public HostileRequests(HostileValues values, List<String> memberIds) {
    this.values = values;
    this.memberIds = memberIds;
  }

  /** A user with a valid userName and one to four hostile attributes (userName may be one of them). */
  public ObjectNode user() {
    ObjectNode user = NODES.objectNode().put("userName", "u" + values.random().nextInt(1_000_000) + "@x.test");
    for (int i = values.random().nextInt(4); i >= 0; i--) {
      String attribute = values.pick(USER_ATTRIBUTES);
      user.set(attribute, shaped(attribute));
    }
    return user;
  }

  public ObjectNode group() {
    ObjectNode group = NODES.objectNode().put("displayName", "g" + values.random().nextInt(1_000_000));
    for (int i = values.random().nextInt(3); i >= 0; i--) {
      String attribute = values.pick(List.of("displayName", "members", "externalId", "meta", "unknown"));
      group.set(attribute, shaped(attribute));
    }
    return group;
  }

  /** A PatchOp message: usually a few operations, sometimes over a thousand. */
  public ObjectNode patch(boolean forGroup) {
    ArrayNode operations = NODES.arrayNode();
    boolean many = values.random().nextInt(20) == 0;
    JsonNode repeated = NODES.objectNode().put("op", "replace").put("path", forGroup ? "displayName" : "nickName")
        .put("value", values.shortString());
    for (int i = many ? 990 + values.random().nextInt(30) : 1 + values.random().nextInt(4); i > 0; i--) {
      operations.add(many ? repeated : operation(forGroup));
    }
    ObjectNode patch = NODES.objectNode();
    patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
    return patch.set("Operations", operations);
  }

  /** A BulkRequest of one to four operations on users and groups. */
  public ObjectNode bulk(String userId, String groupId) {
    ObjectNode bulk = NODES.objectNode();
    bulk.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:BulkRequest");
    ArrayNode operations = bulk.putArray("Operations");
    for (int i = values.random().nextInt(4); i >= 0; i--) {
      operations.add(bulkOperation(i, userId, groupId));
    }
    return bulk;
  }

  /**
   * A body as text: plain, with non-ASCII escaped, or (rarely) cut short or with trailing garbage. Bodies are
   * generated until one fits under the default body limit: what happens over it is another test's concern.
   */
  public String text(Supplier<JsonNode> body) {
    String text = serialized(body.get());
    while (text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      text = serialized(body.get());
    }
    return text;
  }

  private String serialized(JsonNode body) {
    try {
      String text = (values.random().nextBoolean() ? ESCAPED : PLAIN).writeValueAsString(body);
      return switch (values.random().nextInt(25)) {
        case 0 -> text.substring(0, values.random().nextInt(text.length()));
        case 1 -> text + "}garbage";
        default -> text;
      };
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode operation(boolean forGroup) {
    ObjectNode operation = NODES.objectNode();
    operation.set("op", values.random().nextInt(15) == 0 ? values.any()
        : NODES.textNode(values.pick(List.of("add", "replace", "remove", "Replace"))));
    String path = forGroup ? values.pick(List.of("members", "displayName", "externalId", "members[value eq \"x\"]",
        "members[value eq " + quoted() + "]", "")) : values.pick(List.of("userName", "displayName", "name.givenName",
        "emails", "emails[type eq \"work\"].value", "emails[value eq " + quoted() + "]", ENTERPRISE + ":department",
        "x509Certificates", "roles", "title", ""));
    if (values.random().nextInt(10) == 0) {
      path = values.string();
    }
    if (path.isEmpty()) {
      operation.set("value", forGroup ? group() : user());
    } else {
      operation.put("path", path);
      operation.set("value", shaped(path.replaceAll("[\\[.].*", "")));
    }
    return operation;
  }

  /** Mostly valid envelopes (a bad method or a reused bulkId refuses the whole request) around hostile data. */
  private ObjectNode bulkOperation(int index, String userId, String groupId) {
    ObjectNode operation = NODES.objectNode();
    String method = values.random().nextInt(20) == 0 ? "GET" : values.pick(List.of("POST", "PUT", "PATCH", "POST"));
    boolean group = values.random().nextBoolean();
    operation.put("method", method);
    operation.put("bulkId", values.random().nextInt(10) > 0 ? "b" + index : values.shortString());
    String target = group ? "/Groups" : "/Users";
    operation.put("path", switch (values.random().nextInt(6)) {
      case 0 -> target + "/bulkId:b" + values.random().nextInt(3);
      case 1 -> "/" + values.shortString();
      default -> method.equals("POST") ? target : target + "/" + (group ? groupId : userId);
    });
    JsonNode data = method.equals("PATCH") ? patch(group) : group ? group() : user();
    operation.set("data", values.random().nextInt(25) == 0 ? values.any() : data);
    return operation;
  }

  /** A well-shaped value for the attribute (with hostile leaves), or any value at all one time in five. */
  private JsonNode shaped(String attribute) {
    if (values.random().nextInt(5) == 0) {
      return values.any();
    }
    if (MULTI_VALUED.contains(attribute)) {
      return values.array(values.count(), () -> element(attribute));
    }
    return switch (attribute) {
      case "name" -> NODES.objectNode().put("givenName", values.string()).put("familyName", values.shortString());
      case ENTERPRISE -> NODES.objectNode().put("department", values.string())
          .set("manager", NODES.objectNode().put("value", values.shortString()));
      case "active" -> NODES.booleanNode(values.random().nextBoolean());
      default -> NODES.textNode(values.string());
    };
  }

  private JsonNode element(String attribute) {
    if (!attribute.equals("members")) {
      return NODES.objectNode().put("value", values.shortString()).put("type", "work")
          .put("primary", values.random().nextInt(10) == 0);
    }
    return switch (values.random().nextInt(4)) {
      case 0 -> NODES.objectNode().put("value",
          new UUID(values.random().nextLong(), values.random().nextLong()).toString());
      case 1 -> NODES.objectNode().put("value", values.shortString());
      default -> NODES.objectNode().put("value", values.pick(memberIds));
    };
  }

  private String quoted() {
    return "\"" + values.shortString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
