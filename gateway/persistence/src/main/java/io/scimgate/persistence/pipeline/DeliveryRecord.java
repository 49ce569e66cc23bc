package io.scimgate.persistence.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One message a channel must deliver (an invitation e-mail, a webhook call). The id is stable across retries
 * and replays: receivers de-duplicate on it.
 */
public record DeliveryRecord(
    String id,
    UUID tenantId,
    String channel,
    String eventType,
    String recipient,
    DeliveryStatus status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt) {}
