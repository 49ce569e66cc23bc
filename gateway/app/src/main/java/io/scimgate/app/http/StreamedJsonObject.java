package io.scimgate.app.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.json.ScimJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON object written in pieces around one array field whose values arrive later, a few at a time: the pieces,
 * joined, are exactly the text {@link ScimJson#write} gives for the whole object (one Jackson generator writes all
 * of them, with the mapper's settings), yet the array is never held. Text, not bytes, as {@link Responses} writes:
 * Jackson's byte generator escapes characters outside the BMP (an emoji becomes two escaped surrogates) where the
 * text one writes them as they are, so the bytes sent would differ from those of the answers not streamed.
 */
public final class StreamedJsonObject {
  private final StringWriter text = new StringWriter();
  private final JsonGenerator json;
  private final List<Map.Entry<String, JsonNode>> after = new ArrayList<>();

  private StreamedJsonObject(ObjectNode object, String arrayField) throws IOException {
    json = ScimJson.MAPPER.createGenerator(text);
    json.writeStartObject();
    boolean reached = false;
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
      if (reached) {
        after.add(field);
      } else if (field.getKey().equals(arrayField)) {
        reached = true;
        json.writeArrayFieldStart(arrayField);
      } else {
        write(field);
      }
    }
    if (!reached) {
      throw new IllegalArgumentException("The object has no field '" + arrayField + "' to stream");
    }
  }

  /**
   * Starts the object: its fields up to {@code arrayField}, whose value in {@code object} only marks the place
   * (its own values are not written), then the array's opening.
   */
  public static StreamedJsonObject around(ObjectNode object, String arrayField) {
    try {
      return new StreamedJsonObject(object, arrayField);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds one value to the array. */
  public void value(JsonNode value) {
    try {
      ScimJson.MAPPER.writeTree(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text written since the last call (the first call: the object's start), to send now. */
  public String take() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String piece = text.toString();
    text.getBuffer().setLength(0);
    return piece;
  }

  /** Closes the array, writes the fields that follow it and closes the object: the last piece. */
  public String finish() {
    try {
      json.writeEndArray();
      for (Map.Entry<String, JsonNode> field : after) {
        write(field);
      }
      json.writeEndObject();
      String last = take();
      json.close();
      return last;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Map.Entry<String, JsonNode> field) throws IOException {
    json.writeFieldName(field.getKey());
    ScimJson.MAPPER.writeTree(json, field.getValue());
  }
}
