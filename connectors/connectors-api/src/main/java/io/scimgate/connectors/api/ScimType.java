package io.scimgate.connectors.api;

/** The {@code scimType} error keywords of RFC 7644 §3.12 (table 9), plus RFC 9865's {@code invalidCursor}. */
public final class ScimType {
  public static final String INVALID_FILTER = "invalidFilter";
  public static final String TOO_MANY = "tooMany";
  public static final String UNIQUENESS = "uniqueness";
  public static final String MUTABILITY = "mutability";
  public static final String INVALID_SYNTAX = "invalidSyntax";
  public static final String INVALID_PATH = "invalidPath";
  public static final String NO_TARGET = "noTarget";
  public static final String INVALID_VALUE = "invalidValue";
  public static final String INVALID_VERS = "invalidVers";
  public static final String SENSITIVE = "sensitive";
  public static final String INVALID_CURSOR = "invalidCursor";

  private ScimType() {}
}
