package io.scimgate.connectors.api;

/**
 * Completes a {@link DeliveryChannel#deliver} stage when retrying cannot help (the receiver rejected the message
 * for good): the delivery is dead-lettered at once, with this message as its last error.
 */
public final class PermanentDeliveryFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PermanentDeliveryFailure(String message) {
    super(message, null, false, false);
  }
}
