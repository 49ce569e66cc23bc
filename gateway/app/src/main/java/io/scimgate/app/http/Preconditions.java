package io.scimgate.app.http;

import io.scimgate.connectors.api.ScimException;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code If-Match} and {@code If-None-Match} with the weak ETags {@code W/"<version>"} the gateway issues
 * (RFC 7644 §3.14, RFC 9110 §13.1). Weak comparison: {@code "7"} and {@code W/"7"} name the same version.
 */
public final class Preconditions {
  private Preconditions() {}

  /** The version {@code If-Match} requires, or {@code null} when it is absent or {@code *}. */
  public static Long ifMatch(RoutingContext ctx) {
    return ifMatch(ctx.request().getHeader("If-Match"));
  }

  /** As {@link #ifMatch(RoutingContext)}, for an ETag given elsewhere (a bulk operation's {@code version}). */
  public static Long ifMatch(String header) {
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      return null;
    }
    Long version = version(header.split(",")[0]);
    if (version == null) {
      throw ScimException.of(412, null, "If-Match '" + header + "' is not an ETag this service issued");
    }
    return version;
  }

  /** Whether {@code If-None-Match} names {@code version} (or is {@code *}): the client's copy is current. */
  public static boolean notModified(RoutingContext ctx, long version) {
    String header = ctx.request().getHeader("If-None-Match");
    if (header == null || header.isBlank()) {
      return false;
    }
    for (String tag : header.split(",")) {
      Long candidate = version(tag);
      if (tag.strip().equals("*") || (candidate != null && candidate == version)) {
        return true;
      }
    }
    return false;
  }

  private static Long version(String tag) {
    String text = tag.strip();
    if (text.startsWith("W/")) {
      text = text.substring(2);
    }
    if (text.length() < 3 || !text.startsWith("\"") || !text.endsWith("\"")) {
      return null;
    }
    try {
      return Long.parseLong(text.substring(1, text.length() - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
