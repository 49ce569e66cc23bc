package io.scimgate.scim.filter;

import java.util.Locale;

/** The comparison operators of RFC 7644 §3.4.2.2 ({@code pr} is {@link Filter.Present}). */
public enum CompareOperator {
  EQ, NE, CO, SW, EW, GT, GE, LT, LE;

  /** The operator for a token such as {@code eq} or {@code EQ}, or {@code null}. */
  public static CompareOperator fromToken(String token) {
    try {
      return valueOf(token.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
