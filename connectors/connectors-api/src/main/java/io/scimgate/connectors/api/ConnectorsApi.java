package io.scimgate.connectors.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this SDK's contract, as PF4J compares it with a plugin's {@code Plugin-Requires}. It follows
 * semantic versioning independently of the gateway's release: a minor version adds hooks with default bodies;
 * a major version breaks existing connectors, which the gateway then refuses to load.
 */
public final class ConnectorsApi {
  /** The contract version this jar implements, for example {@code 1.0.0}. */
  public static final String VERSION = load();

  private ConnectorsApi() {}

  private static String load() {
    try (InputStream in = ConnectorsApi.class.getResourceAsStream("connectors-api.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("contract.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
