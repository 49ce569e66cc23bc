package io.scimgate.app.portal;

import static io.scimgate.app.http.Routes.async;

import io.scimgate.app.auth.PortalSessions;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.persistence.portal.LinkRedemption;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The admin portal at {@code /portal/}: static ES modules and CSS from the app jar (no build step, no CDN) that
 * call the admin API with the browser's session cookie, and {@code /portal/login}, where a link's code becomes
 * that cookie.
 */
public final class PortalRoutes {
  private final PortalLinks links;
  private final PortalSessions sessions;
  private final GatewayConfig config;

  public PortalRoutes(PortalLinks links, PortalSessions sessions, GatewayConfig config) {
    this.links = links;
    this.sessions = sessions;
    this.config = config;
  }

  public void mount(Router router) {
    router.route("/portal*").handler(new SecurityHeaders(config.portal()));
    // vertx-web matches "/portal" for "/portal/" too: redirect only the bare path, or the index loops forever
    router.get("/portal").handler(ctx -> {
      if (ctx.request().path().equals("/portal")) {
        ctx.redirect("/portal/");
      } else {
        ctx.next();
      }
    });
    router.get("/portal/login").handler(async(this::login));
    router.get("/portal/*").handler(StaticHandler.create("portal").setCachingEnabled(false)
        .setDirectoryListing(false).setIndexPage("index.html"));
  }

  /** Trades the link's code for a session cookie and lands on the link's screen; a dead link gets its page. */
  private Future<Void> login(RoutingContext ctx) {
    String code = ctx.request().getParam("code");
    if (code == null || code.isBlank() || code.length() > 100) {
      return PortalPages.linkUnknown(ctx);
    }
    String sessionId = PortalSessions.randomSecret();
    return links.redeem(code, sessionId).compose(outcome -> answer(ctx, sessionId, outcome));
  }

  private Future<Void> answer(RoutingContext ctx, String sessionId, LinkRedemption outcome) {
    if (outcome instanceof LinkRedemption.Redeemed redeemed) {
      sessions.setCookie(ctx, sessionId);
      return ctx.redirect(PortalScreen.location(redeemed.session().tenantId(), redeemed.session().screen()));
    }
    if (outcome instanceof LinkRedemption.AlreadyUsed) {
      return PortalPages.linkUsed(ctx);
    }
    return outcome instanceof LinkRedemption.Expired ? PortalPages.linkExpired(ctx) : PortalPages.linkUnknown(ctx);
  }
}
