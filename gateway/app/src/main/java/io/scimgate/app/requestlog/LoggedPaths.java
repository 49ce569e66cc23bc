package io.scimgate.app.requestlog;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * The path a request log entry shows: relative to the connection's base URL, with the query string reduced to
 * its parameter names, except {@code filter}, whose value (at most {@value #MAX_FILTER} characters) is kept.
 *
 * <p>Why the filter: it is what an admin needs to see why an IdP's lookup failed ({@code invalidFilter}) or
 * matched nothing, and it holds only attribute values the IdP also pushes, which the gateway stores anyway;
 * credentials never travel in it. Other values are dropped: a cursor is a signed token, and an unknown
 * parameter may carry anything. Bodies and headers are never looked at.
 */
final class LoggedPaths {
  static final int MAX_FILTER = 200;
  static final int MAX_PATH = 500;

  private LoggedPaths() {}

  /** {@code /Users?filter=userName eq "x"&count} for {@code /scim/v2/{id}/Users?filter=...&count=1}. */
  static String of(String path, String query, String connectionId) {
    String prefix = "/scim/v2/" + connectionId;
    String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    String shown = (relative.isEmpty() ? "/" : relative) + query(query);
    return shown.length() <= MAX_PATH ? shown : shown.substring(0, MAX_PATH);
  }

  private static String query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    Map<String, List<String>> params;
    try {
      params = new QueryStringDecoder(raw, false).parameters();
    } catch (IllegalArgumentException malformed) {
      return "?(malformed query string)";
    }
    StringBuilder shown = new StringBuilder();
    params.forEach((name, values) -> {
      shown.append(shown.length() == 0 ? "?" : "&").append(name);
      if (name.equals("filter") && !values.isEmpty()) {
        shown.append('=').append(truncate(values.get(0), MAX_FILTER));
      }
    });
    return shown.toString();
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
