package io.scimgate.invites;

import java.time.Duration;

/**
 * What the invite pipeline reports as it works, for whoever watches it (the gateway turns it into metrics). Called
 * on the pipeline's event loops after the fact was committed: implementations must be quick and never block.
 */
public interface PipelineObserver {
  /** Watches nothing. */
  PipelineObserver NONE = new PipelineObserver() { };

  /** How a delivery attempt ended, once its outcome is recorded. */
  enum DeliveryOutcome { SENT, RETRY, DEAD }

  /** An outbox event was relayed (its transaction committed), {@code lag} after the change that wrote it. */
  default void relayed(Duration lag) { }

  /**
   * A delivery attempt's outcome was recorded. {@code channel} is a configured channel's id, or
   * {@code "unconfigured"}; {@code eventType} is the delivery's event ({@code personnel.invited}, {@code user.created}...).
   */
  default void delivered(String channel, String eventType, DeliveryOutcome outcome) { }
}
