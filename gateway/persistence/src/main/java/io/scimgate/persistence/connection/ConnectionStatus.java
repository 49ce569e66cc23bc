package io.scimgate.persistence.connection;

import java.util.Locale;

/** Lifecycle of a SCIM connection. Deleted connections keep their rows so that audit and data stay readable. */
public enum ConnectionStatus {
  ENABLED, DISABLED, DELETED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConnectionStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
