package io.scimgate.app.invites;

import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.config.InviteConfig;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.invites.InvitePipeline;
import io.scimgate.invites.PipelineObserver;
import io.scimgate.invites.delivery.DeliveryWorker;
import io.scimgate.invites.delivery.EmailChannel;
import io.scimgate.invites.delivery.InvitationLinks;
import io.scimgate.invites.delivery.SmtpSettings;
import io.scimgate.invites.delivery.WebhookChannel;
import io.scimgate.invites.egress.EgressPolicy;
import io.scimgate.invites.egress.HostResolver;
import io.scimgate.app.secrets.SecretBox;
import io.scimgate.invites.delivery.RetryPolicy;
import io.scimgate.persistence.Database;
import io.scimgate.persistence.pipeline.InvitationTokenRepository;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a node's invite pipeline from the configuration: its channels, retry policy, poll interval, and a
 * PostgreSQL pool of its own. Measured: sharing the SCIM requests' pool, the pipeline's queries waited behind
 * hundreds of request queries and mails went out at about 64 per second under a push of 150 users per second;
 * with a pool of its own it keeps up, and SCIM requests never wait for it either.
 */
public final class InviteWiring {
  private InviteWiring() {}

  public static InvitePipeline pipeline(Vertx vertx, GatewayConfig config, ConnectorRegistry plugins,
      PipelineObserver observer) {
    InviteConfig invites = config.invites();
    Pool pool = Database.boundedPool(vertx, config.databaseUrl(), invites.poolSize(),
        config.databaseLimits().pipelineStatementTimeout(), config.databaseLimits().poolWait(), "invites");
    Map<String, DeliveryChannel> channels = new LinkedHashMap<>(plugins.channels());
    if (invites.smtpHost() != null) {
      channels.put("email", new EmailChannel(vertx, new SmtpSettings(invites.smtpHost(), invites.smtpPort(),
          invites.smtpUsername(), invites.smtpPassword(), invites.smtpFrom(), invites.smtpStartTls())));
    }
    EgressPolicy egress = new EgressPolicy(invites.webhooks(), HostResolver.system(vertx));
    channels.put("webhook", new WebhookChannel(vertx, egress));
    SecretBox secrets = new SecretBox(config.signingSecret());
    DeliveryWorker worker = new DeliveryWorker(pool, channels, secrets::open,
        new RetryPolicy(invites.backoffBase(), invites.backoffCap(), invites.deliveryMaxAttempts()),
        invites.deliveryLease(), new InvitationLinks(new InvitationTokenRepository(pool), invites.invitationUrl(),
            invites.invitationTtl()), observer);
    return new InvitePipeline(pool, worker, Database.connectOptions(config.databaseUrl()), invites.poll(),
        invites.events(), observer);
  }
}
