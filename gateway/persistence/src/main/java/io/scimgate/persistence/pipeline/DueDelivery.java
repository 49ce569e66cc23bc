package io.scimgate.persistence.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A claimed row of {@code deliveries}, with what sending it needs: the tenant's name, for webhooks the endpoint
 * (its secret still sealed; it is opened only to build the call), for invitations the tenant's sign-up URL
 * template ({@code null}: the gateway's default).
 */
public record DueDelivery(String id, UUID tenantId, String tenantName, String channel, String eventType, JsonNode data,
    String recipient, int attempts, Instant occurredAt, String webhookUrl, String sealedSecret,
    String invitationUrl) {

  @Override
  public String toString() {
    return "DueDelivery[" + id + " " + channel + " attempt " + attempts + "]"; // never the secret
  }
}
