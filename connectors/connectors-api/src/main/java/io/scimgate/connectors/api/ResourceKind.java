package io.scimgate.connectors.api;

/** The SCIM resource types a connector sees (RFC 7643 §4). */
public enum ResourceKind {
  USER,
  GROUP
}
