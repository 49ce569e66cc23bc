package io.scimgate.connectors.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message the invite pipeline hands to a {@link DeliveryChannel}. Immutable.
 *
 * @param id stable across retries and replays: the receiver's de-duplication key
 * @param channel the id of the channel it is addressed to
 * @param eventType what happened: {@code personnel.invited}, {@code user.deactivated}, {@code group.member_added}...
 * @param tenantId the tenant it concerns
 * @param tenantName the tenant's name, for messages people read
 * @param occurredAt when the change that caused it was committed
 * @param data the event's JSON body (the webhook payload's {@code data}; the invitation's person for e-mail)
 * @param target where it goes: for {@code email} the key {@code to}; for {@code webhook} the keys {@code url} and
 *     {@code secret} (the signing secret, decrypted only for this call: never log it)
 * @param attempt 1 for the first attempt, 2 for the first retry...
 */
public record Delivery(String id, String channel, String eventType, String tenantId, String tenantName,
    Instant occurredAt, ObjectNode data, Map<String, String> target, int attempt) {

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(eventType, "eventType");
    target = target == null ? Map.of() : Map.copyOf(target);
  }

  @Override
  public String toString() {
    // never print the target: it may hold a signing secret
    return "Delivery[" + id + " " + channel + " " + eventType + " tenant " + tenantId + " attempt " + attempt + "]";
  }
}
