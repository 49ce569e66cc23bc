package io.scimgate.connectors.tck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.json.ScimJson;
import java.util.List;

/** RFC-form payloads every connector must pass through unharmed (RFC 7643 §8, RFC 7644 §3.5.2). */
final class Samples {
  private Samples() {}

  static List<ObjectNode> users() {
    return List.of(object("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen@example.com"}"""),
        object("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"701984","userName":"bjensen@example.com",
         "name":{"formatted":"Ms. Barbara J Jensen, III","familyName":"Jensen","givenName":"Barbara"},
         "displayName":"Babs Jensen","title":"Tour Guide","active":true,
         "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                   {"value":"babs@jensen.org","type":"home"}],
         "phoneNumbers":[{"value":"555-555-5555","type":"work"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{
           "employeeNumber":"701984","department":"Tour Operations",
           "manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}}}"""));
  }

  static List<ObjectNode> groups() {
    return List.of(object("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides","members":[]}"""),
        object("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Employees","externalId":"e1",
         "members":[{"value":"2819c223-7f76-453a-919d-413861904646","type":"User"}]}"""));
  }

  static List<ArrayNode> userPatches() {
    return List.of(array("""
        [{"op":"replace","path":"active","value":false}]"""), array("""
        [{"op":"add","path":"emails","value":[{"value":"babs@example.org","type":"other"}]},
         {"op":"replace","path":"name.givenName","value":"Babs"},
         {"op":"remove","path":"phoneNumbers[type eq \\"work\\"]"}]"""), array("""
        [{"op":"replace","value":{"displayName":"Barbara Jensen","title":"Guide"}}]"""));
  }

  static List<ArrayNode> groupPatches() {
    return List.of(array("""
        [{"op":"add","path":"members","value":[{"value":"2819c223-7f76-453a-919d-413861904646"}]}]"""), array("""
        [{"op":"remove","path":"members[value eq \\"2819c223-7f76-453a-919d-413861904646\\"]"}]"""), array("""
        [{"op":"replace","value":{"displayName":"Tour Guides EU"}}]"""));
  }

  static List<String> filters() {
    return List.of("userName eq \"bjensen@example.com\"", "externalId eq \"701984\"",
        "displayName eq \"Tour Guides\"", "emails[type eq \"work\" and value eq \"bjensen@example.com\"]",
        "userName eq \"a\" and active eq true", "meta.lastModified gt \"2011-05-13T04:42:34Z\"");
  }

  /** The stored user that PATCH samples apply to. */
  static ObjectNode storedUser() {
    return users().get(1);
  }

  static ObjectNode storedGroup() {
    return object("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides"}""");
  }

  static ObjectNode object(String json) {
    return (ObjectNode) ScimJson.parse(json);
  }

  static ArrayNode array(String json) {
    return (ArrayNode) ScimJson.parse(json);
  }
}
