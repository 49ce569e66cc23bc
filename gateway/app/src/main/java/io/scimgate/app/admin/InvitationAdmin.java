package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.auth.AdminAuthHandler;
import io.scimgate.app.auth.Scopes;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.RequestIds;
import io.scimgate.app.http.Responses;
import io.scimgate.app.invites.InvitationUrlTemplate;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.pipeline.InvitationTokenRepository;
import io.scimgate.persistence.pipeline.Resend;
import io.scimgate.persistence.pipeline.TokenAcceptance;
import io.scimgate.persistence.tenant.TenantRepository;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * Invitations people accept through the link in their mail:
 * <ul>
 *   <li>{@code POST /invitations/accept} {@code {"token"}}: the product's backend hands back the token its sign-up
 *   page received; the person becomes {@code active}. Operator only: the product's backend already holds the
 *   operator credential it manages tenants and portal links with, so no new credential is needed, and the
 *   endpoint is no public surface to rate-limit (the 256-bit token could not be guessed anyway). A company
 *   admin's credential is refused: the token names its tenant, and only the product signs people up;</li>
 *   <li>{@code GET|PUT /tenants/{id}/invitation-url}: the tenant's sign-up URL template (setting it: operator
 *   only, it is the product's URL, not the company's);</li>
 *   <li>{@code POST /tenants/{id}/personnel/{personId}/invitation}: send the invitation again, with a new link;
 *   the earlier links stop working.</li>
 * </ul>
 * The token travels only in the request body, which nothing logs.
 */
final class InvitationAdmin {
  /** Tokens are 43 characters; anything much longer is not one. */
  private static final int MAX_TOKEN_LENGTH = 256;

  private final TenantRepository tenants;
  private final InvitationTokenRepository invitations;
  private final String defaultUrl;

  InvitationAdmin(TenantRepository tenants, InvitationTokenRepository invitations, String defaultUrl) {
    this.tenants = tenants;
    this.invitations = invitations;
    this.defaultUrl = defaultUrl;
  }

  void mount(Router router) {
    router.post("/invitations/accept").handler(Scopes.operatorOnly()).handler(async(this::accept));
    router.get("/tenants/:tenantId/invitation-url").handler(async(this::getUrl));
    router.put("/tenants/:tenantId/invitation-url").handler(Scopes.operatorOnly()).handler(async(this::setUrl));
    router.post("/tenants/:tenantId/personnel/:personId/invitation").handler(async(this::resend));
  }

  private Future<Void> accept(RoutingContext ctx) {
    String token = token(Params.jsonBody(ctx));
    return invitations.accept(token, AdminAuthHandler.actor(ctx), RequestIds.of(ctx)).compose(outcome -> {
      if (outcome instanceof TokenAcceptance.Accepted accepted) {
        return Responses.json(ctx, 200, ScimJson.object()
            .put("tenantId", accepted.person().tenantId().toString())
            .set("person", InviteJson.person(accepted.person())));
      }
      throw refusal(outcome);
    });
  }

  /** Each way a token can fail gets its own status and says what to do. */
  private static ScimException refusal(TokenAcceptance outcome) {
    if (outcome instanceof TokenAcceptance.Used used) {
      return ScimException.of(409, null, "This invitation link was already used (at " + used.usedAt()
          + "): each link works once");
    }
    if (outcome instanceof TokenAcceptance.Expired expired) {
      return ScimException.of(410, null, "This invitation link expired at " + expired.expiredAt()
          + ": ask for the invitation to be sent again");
    }
    if (outcome instanceof TokenAcceptance.Revoked revoked) {
      return ScimException.of(410, null, "This invitation link was replaced by a newer invitation mail (at "
          + revoked.revokedAt() + "): use the link in the newest mail");
    }
    if (outcome instanceof TokenAcceptance.NotInvited notInvited) {
      return ScimException.of(409, null, "The invitation is no longer outstanding: the person is "
          + notInvited.person().status().dbValue());
    }
    return ScimException.notFound("Unknown invitation token: no invitation link has it (mistyped or cut off?)");
  }

  private static String token(JsonNode body) {
    JsonNode token = body.get("token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw ScimException.invalidValue("'token' must be the invitation link's token (text)");
    }
    if (token.asText().length() > MAX_TOKEN_LENGTH) {
      throw ScimException.invalidValue("'token' is longer than any invitation token");
    }
    return token.asText().strip();
  }

  /** {@code {"url": the tenant's own or null, "defaultUrl": the gateway's or null}}. */
  private Future<Void> getUrl(RoutingContext ctx) {
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> invitations.urlTemplate(tenant.id()))
        .compose(url -> Responses.json(ctx, 200, urls(url)));
  }

  /** {@code {"url": "https://...{token}..."}} sets the tenant's own; {@code {"url": null}} falls back to the default. */
  private Future<Void> setUrl(RoutingContext ctx) {
    JsonNode body = Params.jsonBody(ctx);
    // a body without "url" is a mistake, not a request to drop the tenant's template: only an explicit null does
    if (body == null || !body.isObject() || !body.has("url")) {
      throw ScimException.invalidValue("The body must be {\"url\": a URL template, or null for the default}");
    }
    JsonNode url = body.get("url");
    String template;
    if (url.isNull()) {
      template = null;
    } else if (!url.isTextual()) {
      throw ScimException.invalidValue("'url' must be a URL template or null");
    } else {
      try {
        template = InvitationUrlTemplate.check(url.asText());
      } catch (IllegalArgumentException e) {
        throw ScimException.invalidValue("'url' " + e.getMessage());
      }
    }
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> invitations.setUrlTemplate(tenant.id(), template, InviteJson.audit(ctx, tenant.id())))
        .compose(done -> Responses.json(ctx, 200, urls(template)));
  }

  private ObjectNode urls(String url) {
    return ScimJson.object().put("url", url).put("defaultUrl", defaultUrl);
  }

  /** 202: the mail is queued, not sent; its delivery can be followed in {@code /deliveries}. */
  private Future<Void> resend(RoutingContext ctx) {
    UUID personId = Params.uuidPath(ctx, "personId", "Person");
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> invitations.resend(tenant.id(), personId, InviteJson.audit(ctx, tenant.id())))
        .compose(outcome -> {
          if (outcome instanceof Resend.Queued queued) {
            return Responses.json(ctx, 202, ScimJson.object().put("deliveryId", queued.deliveryId())
                .set("person", InviteJson.person(queued.person())));
          }
          throw refusal(outcome, personId);
        });
  }

  private static ScimException refusal(Resend outcome, UUID personId) {
    if (outcome instanceof Resend.NotInvited notInvited) {
      return ScimException.of(409, null, "Person '" + notInvited.person().id() + "' has no outstanding invitation"
          + " to send again (status: " + notInvited.person().status().dbValue() + ")");
    }
    if (outcome instanceof Resend.NoEmail noEmail) {
      return ScimException.of(409, null, "Person '" + noEmail.person().id()
          + "' has no e-mail address to send the invitation to");
    }
    return ScimException.notFound("Person '" + personId + "' not found in this tenant");
  }
}
