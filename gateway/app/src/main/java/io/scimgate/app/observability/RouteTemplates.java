package io.scimgate.app.observability;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route template a request matched ({@code /scim/v2/{connectionId}/Users/{id}}), never its raw path: the
 * {@code route} label of its metrics and the {@code route} of its access log line, so that ids cannot multiply
 * series. A sub-router does not tell its parent which of its routes matched, so every sub-router mounts
 * {@link #mountedAt} first: it leaves its own routing context in the request's data, and the innermost one's
 * current route names the template when the request ends. What no route with a path matched is
 * {@value #UNMATCHED}.
 */
public final class RouteTemplates {
  public static final String UNMATCHED = "unmatched";
  private static final String KEY = "scimgate.routeScope";
  private static final RouteTemplates TOP = new RouteTemplates("");

  private final String mount;
  /** Per route: as many entries as the router has routes. */
  private final Map<Route, String> templates = new ConcurrentHashMap<>();

  private RouteTemplates(String mount) {
    this.mount = mount;
  }

  /** The request as far as one router saw it. */
  private record Scope(RouteTemplates router, RoutingContext ctx) {}

  /** Mounted first on a sub-router mounted at {@code mount}, a template itself ({@code /scim/v2/{connectionId}}). */
  public static Handler<RoutingContext> mountedAt(String mount) {
    RouteTemplates router = new RouteTemplates(mount);
    return ctx -> {
      ctx.put(KEY, new Scope(router, ctx));
      ctx.next();
    };
  }

  /** The mount of the innermost sub-router the request entered ({@code ""}: none). */
  public static String mountOf(RoutingContext ctx) {
    Scope scope = ctx.get(KEY);
    return scope == null ? TOP.mount : scope.router().mount;
  }

  /** The template of the request, once it has ended. */
  public static String of(RoutingContext ctx, int status) {
    Scope scope = ctx.get(KEY);
    return scope == null ? TOP.template(ctx, status) : scope.router().template(scope.ctx(), status);
  }

  private String template(RoutingContext ctx, int status) {
    Route route = ctx.currentRoute();
    if (route == null || templatePath(route) == null) {
      // only handlers for every path ran (authentication refused, or nothing matched): the sub-router's mount
      return status == 404 || mount.isEmpty() ? UNMATCHED : mount + "/*";
    }
    return templates.computeIfAbsent(route, this::render);
  }

  /** {@code /Users/:id} (exact) as {@code <mount>/Users/{id}}; a wildcard route keeps its {@code *}. */
  private String render(Route route) {
    String path = templatePath(route).replaceAll(":([A-Za-z0-9_$]+)", "{$1}");
    return mount + path + (route.getPath() == null || route.isExactPath() ? "" : "*");
  }

  /**
   * A path route's path; a regex route's name when it is a path ({@code ScimRoutes} names its case-insensitive
   * routes {@code /Users/:id}); else none.
   */
  private static String templatePath(Route route) {
    if (route.getPath() != null) {
      return route.getPath();
    }
    String name = route.getName();
    return name != null && name.startsWith("/") ? name : null;
  }
}
