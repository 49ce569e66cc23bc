package io.scimgate.app.invites;

import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.invites.InvitePipeline;
import io.scimgate.invites.delivery.DeliveryWorker;
import io.scimgate.invites.delivery.RetryPolicy;
import io.scimgate.persistence.Database;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a node's invite pipeline from the configuration: its channels, retry policy and poll interval. */
public final class InviteWiring {
  private InviteWiring() {}

  public static InvitePipeline pipeline(Vertx vertx, GatewayConfig config, Pool pool, ConnectorRegistry plugins) {
    Map<String, DeliveryChannel> channels = new LinkedHashMap<>(plugins.channels());
    DeliveryWorker worker = new DeliveryWorker(pool, channels, sealed -> sealed,
        new RetryPolicy(Duration.ofSeconds(2), Duration.ofHours(1), 8));
    return new InvitePipeline(pool, worker, Database.connectOptions(config.databaseUrl()), Duration.ofSeconds(1));
  }
}
