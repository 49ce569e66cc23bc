package io.scimgate.connectors.api;

import java.util.concurrent.CompletionStage;
import org.pf4j.ExtensionPoint;

/**
 * An outbound channel for the invite pipeline's deliveries: an invitation e-mail, a webhook call, or whatever a
 * plugin adds (a chat message, a ticket). The gateway's relay hands a channel each {@link Delivery} addressed to
 * it, and retries with exponential backoff and jitter until the channel succeeds or the attempts run out; then
 * the delivery waits in a dead-letter state for an admin to replay it.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Non-blocking.</b> {@link #deliver} is called on an event loop and must return at once; do the I/O
 *   asynchronously and complete the stage later. Never block the calling thread.</li>
 *   <li><b>At-least-once.</b> A delivery may be handed over again after a crash or a timeout, with the same
 *   {@link Delivery#id()}: use it for de-duplication on the receiving side (a Message-ID, an idempotency key).</li>
 *   <li><b>Outcome.</b> Complete normally when the receiver accepted the delivery. Complete exceptionally to have
 *   it retried; with a {@link PermanentDeliveryFailure} to dead-letter it at once (retrying cannot help, e.g. an
 *   address the receiver rejected for good).</li>
 *   <li>Thread-safe: one instance serves all tenants.</li>
 * </ul>
 */
public interface DeliveryChannel extends ExtensionPoint {

  /** Stable id that deliveries are addressed to: {@code email}, {@code webhook}. */
  String id();

  /** Sends one delivery; see the class contract. */
  CompletionStage<Void> deliver(Delivery delivery);
}
