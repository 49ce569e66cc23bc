package io.scimgate.scim.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;

/** The one configured Jackson mapper (thread-safe once built) and small JSON helpers. */
public final class ScimJson {
  /** Exact decimals: a SCIM decimal is stored and returned as sent. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    // Hostile payloads: bound nesting so a deeply nested body cannot exhaust the stack.
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private ScimJson() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Parses a request body; anything that is not well-formed JSON is a 400 {@code invalidSyntax}. */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw ScimException.invalidSyntax("The request body is empty; a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ScimException.invalidSyntax("The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Parses JSON that the gateway itself stored; a failure here is a bug, not bad input. */
  public static ObjectNode parseStored(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored document is not valid JSON", e);
    }
  }

  /** Parses a JSON array that the gateway's own SQL produced. */
  public static JsonNode parseStoredArray(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is not valid", e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JsonNode always serialises", e);
    }
  }
}
