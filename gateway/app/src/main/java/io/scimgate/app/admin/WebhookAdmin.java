package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.invites.egress.EgressPolicy;
import io.scimgate.invites.egress.EgressRefusal;
import io.scimgate.invites.egress.WebhookUrl;
import io.scimgate.persistence.pipeline.WebhookEndpoint;
import io.scimgate.persistence.pipeline.WebhookRepository;
import io.scimgate.persistence.tenant.Tenant;
import io.scimgate.persistence.tenant.TenantRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /admin/v1/tenants/{tenantId}/webhook}: where the tenant's invite and deprovisioning webhooks go, and
 * the secret that signs them. The secret is sealed before it is stored and never comes back in an answer.
 */
final class WebhookAdmin {
  static final int MIN_SECRET_LENGTH = 16;
  static final int MAX_SECRET_LENGTH = 1024;
  static final int MAX_URL_LENGTH = 2048;

  private final TenantRepository tenants;
  private final WebhookRepository webhooks;
  private final SecretSealer sealer;
  private final EgressPolicy egress;

  WebhookAdmin(TenantRepository tenants, WebhookRepository webhooks, SecretSealer sealer, EgressPolicy egress) {
    this.tenants = tenants;
    this.webhooks = webhooks;
    this.sealer = sealer;
    this.egress = egress;
  }

  void mount(Router router) {
    String path = "/tenants/:tenantId/webhook";
    router.get(path).handler(async(this::get));
    router.put(path).handler(async(this::put));
    router.delete(path).handler(async(this::delete));
  }

  private Future<Void> get(RoutingContext ctx) {
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> webhooks.get(tenant.id()).map(endpoint -> found(endpoint, tenant)))
        .compose(endpoint -> Responses.json(ctx, 200, InviteJson.webhook(endpoint)));
  }

  /**
   * Replaces the whole endpoint: url and secret are required, {@code enabled} defaults to true. The URL must pass
   * the egress rules, resolved (off the event loop) as it would be when called.
   */
  private Future<Void> put(RoutingContext ctx) {
    JsonNode body = Params.jsonBody(ctx);
    String url = AdminJson.requiredText(body, "url", MAX_URL_LENGTH);
    WebhookUrl parsed = parsed(url);
    String secret = secret(body);
    boolean enabled = InviteJson.optionalBoolean(body, "enabled", true);
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> admitted(parsed).map(admitted -> tenant))
        .compose(tenant -> webhooks.put(tenant.id(), url, sealer.seal(secret), enabled,
            InviteJson.audit(ctx, tenant.id())))
        .compose(endpoint -> Responses.json(ctx, 200, InviteJson.webhook(endpoint)));
  }

  private Future<Void> delete(RoutingContext ctx) {
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> webhooks.delete(tenant.id(), InviteJson.audit(ctx, tenant.id()))
            .map(deleted -> {
              if (!deleted) {
                throw noWebhook(tenant);
              }
              return deleted;
            }))
        .compose(deleted -> Responses.noContent(ctx));
  }

  private static WebhookEndpoint found(WebhookEndpoint endpoint, Tenant tenant) {
    if (endpoint == null) {
      throw noWebhook(tenant);
    }
    return endpoint;
  }

  private static ScimException noWebhook(Tenant tenant) {
    return ScimException.notFound("Tenant '" + tenant.id() + "' has no webhook");
  }

  /**
   * The URL's addresses checked as a send would check them. A name that does not resolve (yet) is accepted: a
   * receiver's DNS may come after its configuration, and each send checks again anyway.
   */
  private Future<Void> admitted(WebhookUrl url) {
    return egress.admit(url).<Void>mapEmpty().recover(failure -> failure instanceof EgressRefusal refusal
        ? Future.failedFuture(notAllowed(refusal)) : Future.succeededFuture());
  }

  private WebhookUrl parsed(String url) {
    try {
      return egress.parse(url);
    } catch (EgressRefusal refusal) {
      throw notAllowed(refusal);
    }
  }

  private static ScimException notAllowed(EgressRefusal refusal) {
    return ScimException.invalidValue("'url' is not allowed: " + refusal.getMessage());
  }

  /** Taken as given (no trimming): the receiver verifies signatures with exactly these characters. */
  private static String secret(JsonNode body) {
    JsonNode value = body.get("secret");
    if (value == null || !value.isTextual() || value.asText().length() < MIN_SECRET_LENGTH
        || value.asText().length() > MAX_SECRET_LENGTH || value.asText().isBlank()) {
      throw ScimException.invalidValue("'secret' is required: a string of " + MIN_SECRET_LENGTH + " to "
          + MAX_SECRET_LENGTH + " characters");
    }
    return value.asText();
  }
}
