package io.scimgate.app.auth;

import io.vertx.ext.web.RoutingContext;

/** Reads an RFC 6750 bearer token from the Authorization header. */
final class BearerTokens {
  private BearerTokens() {}

  /** The token, or {@code null} when the header is missing or not a bearer credential. */
  static String from(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }
}
