package io.scimgate.connectors.api;

import java.util.Objects;

/**
 * A SCIM protocol error (RFC 7644 §3.12): an HTTP status, an optional {@code scimType} and a human-readable
 * detail. Connectors and the SCIM core report bad input only by throwing this exception; the gateway turns it
 * into the RFC error body. The detail is sent to the client: never put secrets or stored data of other
 * resources into it.
 *
 * <p>Immutable and thread-safe. Stack traces are not filled in: these are expected, frequent outcomes of bad
 * input, not bugs.
 */
public final class ScimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String scimType;

  private ScimException(int status, String scimType, String detail) {
    super(Objects.requireNonNull(detail, "detail"), null, false, false);
    this.status = status;
    this.scimType = scimType;
  }

  /** An error with an RFC 7644 §3.12 {@code scimType} (see {@link ScimType}). */
  public static ScimException of(int status, String scimType, String detail) {
    return new ScimException(status, scimType, detail);
  }

  /** 400 with {@code scimType: invalidValue}. */
  public static ScimException invalidValue(String detail) {
    return new ScimException(400, ScimType.INVALID_VALUE, detail);
  }

  /** 400 with {@code scimType: invalidSyntax}. */
  public static ScimException invalidSyntax(String detail) {
    return new ScimException(400, ScimType.INVALID_SYNTAX, detail);
  }

  /** 400 with {@code scimType: invalidFilter}. */
  public static ScimException invalidFilter(String detail) {
    return new ScimException(400, ScimType.INVALID_FILTER, detail);
  }

  /** 404 without a {@code scimType}. */
  public static ScimException notFound(String detail) {
    return new ScimException(404, null, detail);
  }

  /** 409 with {@code scimType: uniqueness}. */
  public static ScimException uniqueness(String detail) {
    return new ScimException(409, ScimType.UNIQUENESS, detail);
  }

  /** The HTTP status code, for example 400. */
  public int status() {
    return status;
  }

  /** The RFC 7644 §3.12 {@code scimType}, or {@code null} when the status alone says it. */
  public String scimType() {
    return scimType;
  }

  /** The human-readable detail sent to the client. */
  public String detail() {
    return getMessage();
  }
}
