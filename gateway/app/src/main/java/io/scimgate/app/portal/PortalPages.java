package io.scimgate.app.portal;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** The few server-rendered pages: what a browser sees when a portal link cannot open the portal. */
final class PortalPages {
  private PortalPages() {}

  static Future<Void> linkUsed(RoutingContext ctx) {
    return page(ctx, 410, "link-used", "This link was already used",
        "Portal links work once. Ask your administrator for a new link.");
  }

  static Future<Void> linkExpired(RoutingContext ctx) {
    return page(ctx, 410, "link-expired", "This link has expired",
        "Portal links work for a few minutes only. Ask your administrator for a new link.");
  }

  static Future<Void> linkUnknown(RoutingContext ctx) {
    return page(ctx, 404, "link-unknown", "This link is not valid",
        "Check that you copied the whole link, or ask your administrator for a new one.");
  }

  /** Static text only (no request data in the page), styled by the portal's own stylesheet. */
  private static Future<Void> page(RoutingContext ctx, int status, String id, String title, String text) {
    String html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s - scimgate</title><link rel="stylesheet" href="/portal/app.css"></head>
        <body><main class="notice-page" id="%2$s"><div class="card notice"><h1>%1$s</h1><p>%3$s</p></div></main>
        </body></html>
        """.formatted(title, id, text);
    return ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
  }
}
