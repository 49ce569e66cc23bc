package io.scimgate.persistence.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A delivery's state: waiting (also between retries), leased by a sender, delivered, or given up on (the dead
 * letter, which an admin may replay).
 */
public enum DeliveryStatus {
  PENDING, SENDING, SENT, DEAD;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** The status whose {@link #dbValue()} is exactly {@code value}, if any (for query parameters). */
  public static Optional<DeliveryStatus> parse(String value) {
    return Arrays.stream(values()).filter(status -> status.dbValue().equals(value)).findFirst();
  }
}
