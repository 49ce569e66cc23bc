package io.scimgate.app.scim;

import io.vertx.ext.web.RoutingContext;

/**
 * The headers of every answer about one resource (GET, POST, PUT, PATCH, a 304 or a 204 included): {@code ETag}
 * (RFC 7644 §3.14) and {@code Location}, the same URI as {@code meta.location}. RFC 7644 §3.3 asks for
 * {@code Location} on 201 only, but its own examples send it with every single-resource answer and Apache
 * SCIMple's compliance tests expect it there.
 */
final class ResourceHeaders {
  private ResourceHeaders() {}

  static void put(RoutingContext ctx, String location, long version) {
    ctx.response().putHeader("ETag", ScimRenderer.etag(version)).putHeader("Location", location);
  }
}
