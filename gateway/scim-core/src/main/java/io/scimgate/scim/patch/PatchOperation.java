package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a PATCH request (RFC 7644 §3.5.2).
 *
 * @param path  the target, or {@code null} for a path-less operation whose value is an object of attributes
 * @param value the value, or {@code null} (only {@code remove} may omit it)
 */
public record PatchOperation(Op op, PatchPath path, JsonNode value) {

  /** The three operations of RFC 7644 §3.5.2. */
  public enum Op { ADD, REMOVE, REPLACE }
}
