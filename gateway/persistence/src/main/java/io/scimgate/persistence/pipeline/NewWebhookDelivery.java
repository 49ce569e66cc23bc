package io.scimgate.persistence.pipeline;

import java.time.Instant;

/**
 * A webhook delivery the relay queues for a published event.
 *
 * @param id the event's stable id ({@code webhook:<event id>[:<member>]}): receivers de-duplicate on it
 * @param eventType the published type's wire name
 * @param data the payload, as JSON text
 * @param occurredAt when the change was written
 */
public record NewWebhookDelivery(String id, String eventType, String data, Instant occurredAt) {}
