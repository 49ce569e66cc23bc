package io.scimgate.connectors.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bad input a connector must survive: either normalise it or throw the SCIM exception, nothing else. Generated
 * from a fixed seed, so a failure reproduces.
 */
final class Garbage {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] KEYS = {"schemas", "userName", "active", "emails", "value", "primary", "type",
      "members", "manager", "roles", "name", "givenName", "op", "path", "displayName", "id", "$ref", "password",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:scim:schemas:core:1.0", "", "a.b", "x:y"};
  private static final String[] STRINGS = {"", " ", "True", "FALSE", "null", "{", "{\"value\":", "[]",
      "{\"id\":\"1\",\"value\":\"r\"}", "members[value eq \"x\"]", "emails[type eq", "\u0000", "é", "{$user.x}",
      "urn:", "delete", "Add", "x".repeat(300)};

  private Garbage() {}

  static List<ObjectNode> objects(int count) {
    Random random = new Random(20261129L);
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(object(random, 0));
    }
    out.add(deeplyNested(300));
    return out;
  }

  static List<ArrayNode> operationLists(int count) {
    Random random = new Random(7643L);
    List<ArrayNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ArrayNode operations = JSON.arrayNode();
      for (int j = random.nextInt(4); j >= 0; j--) {
        operations.add(random.nextInt(5) == 0 ? value(random, 2) : operation(random));
      }
      out.add(operations);
    }
    return out;
  }

  static List<String> filters() {
    return List.of("", " ", "((((", "userName eq", "userName eq \"", "eq eq eq", "a[b[c[d]]]", "\u0000",
        "userName eq \"x\" and", "not (", "emails[type eq \"work\"", "x".repeat(5000), "userName eq 'x'");
  }

  private static ObjectNode operation(Random random) {
    ObjectNode operation = JSON.objectNode();
    operation.set("op", random.nextBoolean() ? JSON.textNode(pick(random, STRINGS)) : value(random, 2));
    if (random.nextBoolean()) {
      operation.set("path", random.nextBoolean() ? JSON.textNode(pick(random, KEYS)) : value(random, 2));
    }
    if (random.nextBoolean()) {
      operation.set("value", value(random, 1));
    }
    return operation;
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = JSON.objectNode();
    for (int i = random.nextInt(6); i > 0; i--) {
      object.set(pick(random, KEYS), value(random, depth + 1));
    }
    return object;
  }

  private static JsonNode value(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 5 : 8);
    return switch (kind) {
      case 0 -> JSON.nullNode();
      case 1 -> JSON.booleanNode(random.nextBoolean());
      case 2 -> JSON.numberNode(random.nextInt(2) == 0 ? random.nextLong() : random.nextDouble());
      case 3, 4 -> JSON.textNode(pick(random, STRINGS));
      case 5 -> array(random, depth);
      default -> object(random, depth);
    };
  }

  private static ArrayNode array(Random random, int depth) {
    ArrayNode array = JSON.arrayNode();
    for (int i = random.nextInt(4); i > 0; i--) {
      array.add(value(random, depth + 1));
    }
    return array;
  }

  private static ObjectNode deeplyNested(int depth) {
    ObjectNode root = JSON.objectNode();
    ObjectNode current = root;
    for (int i = 0; i < depth; i++) {
      current = current.putObject(i % 2 == 0 ? "emails" : "value");
    }
    return root;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
