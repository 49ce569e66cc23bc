package io.scimgate.invites.relay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code outbox_events}: what changed, written by a trigger in the transaction of the change.
 *
 * @param type {@code user.created|updated|deactivated|reactivated|deleted}, {@code group.created|renamed|updated|
 *     deleted}, {@code group.members_added|members_removed}, {@code invites.settings_changed},
 *     {@code personnel.accepted}
 */
public record OutboxEvent(long id, UUID tenantId, UUID connectionId, String type, UUID resourceId, JsonNode data,
    Instant createdAt) {}
