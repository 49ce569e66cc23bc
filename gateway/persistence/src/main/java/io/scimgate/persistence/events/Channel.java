package io.scimgate.persistence.events;

/** Where a published event type reaches the product: pushed to its webhook, pulled from the events API. */
public enum Channel {
  WEBHOOK,
  EVENTS_API
}
