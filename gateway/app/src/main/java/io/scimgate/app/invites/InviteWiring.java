package io.scimgate.app.invites;

import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.config.InviteConfig;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.invites.InvitePipeline;
import io.scimgate.invites.delivery.DeliveryWorker;
import io.scimgate.invites.delivery.EmailChannel;
import io.scimgate.invites.delivery.SmtpSettings;
import io.scimgate.invites.delivery.WebhookChannel;
import io.scimgate.invites.secrets.SecretBox;
import io.scimgate.invites.delivery.RetryPolicy;
import io.scimgate.persistence.Database;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a node's invite pipeline from the configuration: its channels, retry policy and poll interval. */
public final class InviteWiring {
  private InviteWiring() {}

  public static InvitePipeline pipeline(Vertx vertx, GatewayConfig config, Pool pool, ConnectorRegistry plugins) {
    InviteConfig invites = config.invites();
    Map<String, DeliveryChannel> channels = new LinkedHashMap<>(plugins.channels());
    if (invites.smtpHost() != null) {
      channels.put("email", new EmailChannel(vertx, new SmtpSettings(invites.smtpHost(), invites.smtpPort(),
          invites.smtpUsername(), invites.smtpPassword(), invites.smtpFrom(), invites.smtpStartTls())));
    }
    channels.put("webhook", new WebhookChannel(vertx));
    SecretBox secrets = new SecretBox(config.signingSecret());
    DeliveryWorker worker = new DeliveryWorker(pool, channels, secrets::open,
        new RetryPolicy(invites.backoffBase(), invites.backoffCap(), invites.deliveryMaxAttempts()),
        invites.deliveryLease());
    return new InvitePipeline(pool, worker, Database.connectOptions(config.databaseUrl()), invites.poll());
  }
}
