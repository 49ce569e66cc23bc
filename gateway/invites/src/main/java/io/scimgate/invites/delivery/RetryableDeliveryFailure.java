package io.scimgate.invites.delivery;

/**
 * A delivery attempt that failed in a way a later attempt may not (the receiver was down, answered 503, timed
 * out): the relay schedules another attempt by its {@link RetryPolicy}. The counterpart of the SDK's
 * {@code PermanentDeliveryFailure}. Its message becomes the delivery's last error, so it never holds a secret, a
 * password or a webhook URL's path (which some receivers use as a bearer token).
 */
public final class RetryableDeliveryFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RetryableDeliveryFailure(String message) {
    super(message, null, false, false);
  }

  public RetryableDeliveryFailure(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
