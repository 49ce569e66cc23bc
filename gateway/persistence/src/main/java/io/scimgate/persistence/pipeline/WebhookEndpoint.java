package io.scimgate.persistence.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a tenant's webhooks go. The signing secret is deliberately not part of this record: only the delivery
 * channel reads it (encrypted), so no admin answer can leak it by accident.
 */
public record WebhookEndpoint(UUID tenantId, String url, boolean enabled, Instant createdAt, Instant updatedAt) {}
