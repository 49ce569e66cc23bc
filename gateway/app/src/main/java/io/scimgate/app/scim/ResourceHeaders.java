package io.scimgate.app.scim;

import io.vertx.ext.web.RoutingContext;

/**
 * The headers of every answer about one resource (GET, POST, PUT, PATCH, a 304 or a 204 included): {@code ETag}
 * (RFC 7644 §3.14), and {@code Location} and {@code Content-Location}, both the URI in {@code meta.location}.
 * RFC 7644 §3.3 asks for {@code Location} on 201 only, but its own examples send it with every single-resource
 * answer and Apache SCIMple's compliance tests expect it there; RFC 7643 §3.1 says {@code meta.location} "MUST be
 * the same as the Content-Location HTTP response header".
 */
final class ResourceHeaders {
  private ResourceHeaders() {}

  static void put(RoutingContext ctx, String location, long version) {
    ctx.response().putHeader("ETag", ScimRenderer.etag(version)).putHeader("Location", location)
        .putHeader("Content-Location", location);
  }
}
