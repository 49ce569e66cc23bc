package io.scimgate.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Random JSON values meant to break a SCIM server: strings around and far over the length limits in 1- to
 * 4-byte characters, control characters, NUL and lone surrogates, wrong types, huge numbers, long arrays and deep
 * nesting. Deterministic for a given {@link Random}, so a failure replays from its seed.
 */
public final class HostileValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Lengths at and around the limits (256, 4096) and far beyond them. */
  private static final int[] LENGTHS = {0, 1, 7, 255, 256, 257, 1000, 3000, 4096, 4097, 20_000};
  private static final int[] COUNTS = {0, 1, 3, 99, 100, 101, 150};
  /** Code points by UTF-8 width (1 to 4 bytes), control characters, lone surrogates and JSON syntax. */
  private static final List<int[]> ALPHABETS = List.of("abcxyz019@.-_ ".codePoints().toArray(),
      "\u00e9\u00fc\u00df\u4e2d\u6587\u0416".codePoints().toArray(), new int[] {0x1F600, 0x1F389, 0x1F44D, 0x10348},
      new int[] {0x0, 0x1, 0x1F, 0x7F, 0x2028, 0xFEFF}, new int[] {0xD800, 0xDFFF, 0xDBFF},
      "\"\\/\n\t{}[]".codePoints().toArray());

  private final Random random;

  public HostileValues(Random random) {
    this.random = random;
  }

  public Random random() {
    return random;
  }

  public <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** A string of a length around the limits, from one or two alphabets. */
  public String string() {
    return string(LENGTHS[random.nextInt(LENGTHS.length)]);
  }

  /** A string short enough that a hundred of them fit in a request body. */
  public String shortString() {
    return string(random.nextInt(4) == 0 ? 300 : random.nextInt(40));
  }

  public int count() {
    return COUNTS[random.nextInt(COUNTS.length)];
  }

  /** Any JSON value: mostly strings, also the wrong types, huge numbers, arrays, objects and deep nesting. */
  public JsonNode any() {
    return switch (random.nextInt(10)) {
      case 0, 1, 2, 3 -> NODES.textNode(string());
      case 4 -> NODES.numberNode(new BigInteger(1 + random.nextInt(400), random));
      case 5 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
      case 6 -> array(count(), () -> NODES.textNode(shortString()));
      case 7 -> object();
      case 8 -> nested(1 + random.nextInt(100));
      default -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(300)));
    };
  }

  /** An object of a few well-known and unknown keys with short hostile values. */
  public ObjectNode object() {
    ObjectNode object = NODES.objectNode();
    for (int i = random.nextInt(4); i >= 0; i--) {
      object.set(pick(List.of("value", "type", "primary", "display", "givenName", "x", string())), shortAny());
    }
    return object;
  }

  public ArrayNode array(int size, java.util.function.Supplier<JsonNode> element) {
    ArrayNode array = NODES.arrayNode();
    for (int i = 0; i < size; i++) {
      array.add(element.get());
    }
    return array;
  }

  private JsonNode shortAny() {
    return random.nextInt(3) == 0 ? any() : NODES.textNode(shortString());
  }

  private JsonNode nested(int depth) {
    JsonNode inner = NODES.textNode("deep");
    for (int i = 0; i < depth; i++) {
      inner = random.nextBoolean() ? NODES.arrayNode().add(inner) : NODES.objectNode().set("value", inner);
    }
    return inner;
  }

  private String string(int length) {
    int[] first = pick(ALPHABETS);
    int[] second = random.nextInt(4) == 0 ? pick(ALPHABETS) : first;
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int[] alphabet = random.nextBoolean() ? first : second;
      text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }
}
