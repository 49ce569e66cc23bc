package io.scimgate.persistence.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a person stands: imported by SCIM (not invited), invited, active (accepted the invitation),
 * deprovisioned ({@code active=false} or deleted in the IdP; re-activation brings them back).
 */
public enum PersonnelStatus {
  IMPORTED, INVITED, ACTIVE, DEPROVISIONED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PersonnelStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** The status whose {@link #dbValue()} is exactly {@code value}, if any (for query parameters). */
  public static Optional<PersonnelStatus> parse(String value) {
    return Arrays.stream(values()).filter(status -> status.dbValue().equals(value)).findFirst();
  }
}
