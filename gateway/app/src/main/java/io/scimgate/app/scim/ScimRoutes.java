package io.scimgate.app.scim;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.regex.Pattern;

/**
 * Routes of the SCIM sub-router whose endpoint names match in any case: RFC 7644 spells them {@code /Users},
 * {@code /Groups}, {@code /Bulk}, {@code /.search}, {@code /ServiceProviderConfig} ..., but Microsoft's SCIM
 * reference Postman collection sends {@code /users}, and service providers accept either in practice. Only the
 * fixed names fold case; {@code :name} segments (ids, schema URNs) are passed on as sent. A trailing slash is
 * accepted, as plain Vert.x path routes accept it.
 */
final class ScimRoutes {
  private final Router router;

  private ScimRoutes(Router router) {
    this.router = router;
  }

  static ScimRoutes on(Router router) {
    return new ScimRoutes(router);
  }

  Route get(String path) {
    return route(HttpMethod.GET, path);
  }

  Route post(String path) {
    return route(HttpMethod.POST, path);
  }

  Route put(String path) {
    return route(HttpMethod.PUT, path);
  }

  Route patch(String path) {
    return route(HttpMethod.PATCH, path);
  }

  Route delete(String path) {
    return route(HttpMethod.DELETE, path);
  }

  /** Any method: the router answers 405 for methods no route of this path takes. */
  Route any(String path) {
    return router.routeWithRegex(regex(path)).setName(path);
  }

  /** Named by its path ({@code /Users/:id}): metrics and logs label a request by it, never by the regex. */
  private Route route(HttpMethod method, String path) {
    return router.routeWithRegex(method, regex(path)).setName(path);
  }

  /** {@code /Users/:id} to {@code (?i:/Users)/(?<id>[^/]+)/?}: named groups become path parameters. */
  static String regex(String path) {
    StringBuilder regex = new StringBuilder();
    for (String segment : path.substring(1).split("/")) {
      regex.append('/');
      regex.append(segment.startsWith(":") ? "(?<" + segment.substring(1) + ">[^/]+)"
          : "(?i:" + Pattern.quote(segment) + ")");
    }
    return regex.append("/?").toString();
  }
}
