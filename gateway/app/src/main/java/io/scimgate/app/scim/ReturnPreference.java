package io.scimgate.app.scim;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** The client's {@code Prefer: return=minimal|representation} (RFC 7240 §4.2) for write responses. */
final class ReturnPreference {
  private ReturnPreference() {}

  static boolean minimal(RoutingContext ctx) {
    return prefers(ctx, "return=minimal");
  }

  static boolean representation(RoutingContext ctx) {
    return prefers(ctx, "return=representation");
  }

  private static boolean prefers(RoutingContext ctx, String preference) {
    for (String header : ctx.request().headers().getAll("Prefer")) {
      for (String token : header.toLowerCase(Locale.ROOT).split(",")) {
        if (token.strip().equals(preference)) {
          return true;
        }
      }
    }
    return false;
  }
}
