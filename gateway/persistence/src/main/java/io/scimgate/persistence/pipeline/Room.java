package io.scimgate.persistence.pipeline;

import java.util.Map;
import java.util.UUID;

/**
 * What a claim may take, given what is in flight on this node.
 *
 * @param webhooksByTenant webhooks in flight, by tenant (each tenant has one endpoint)
 * @param perEndpoint the most webhooks in flight per endpoint
 * @param webhooks how many more webhooks may be in flight, all tenants together
 * @param others how many more sends of the other channels (mail, plugins) may be in flight
 */
public record Room(Map<UUID, Integer> webhooksByTenant, int perEndpoint, int webhooks, int others) {

  public boolean isEmpty() {
    return webhooks <= 0 && others <= 0;
  }
}
