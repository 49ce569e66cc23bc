package io.scimgate.app.connectors;

import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.SetupGuide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a connector's setup guide once, when its plugin loads. A third-party hook that throws or returns
 * {@code null} must not break the connector list: the admin sees the generic SCIM 2.0 guide instead, and the
 * operator one warning.
 */
final class SetupGuides {
  private static final Logger LOG = LoggerFactory.getLogger(SetupGuides.class);
  /** Names the provider when even its display name does not fit in a guide. */
  private static final String ANY_PROVIDER = "your identity provider";

  private SetupGuides() {}

  static SetupGuide of(IdpConnector connector, String pluginId) {
    try {
      SetupGuide guide = connector.setupGuide();
      if (guide != null) {
        return guide;
      }
      LOG.warn("Connector '{}' of plugin {} returned no setup guide; the generic one is shown", connector.id(),
          pluginId);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Connector '{}' of plugin {} failed to give its setup guide ({}); the generic one is shown",
          connector.id(), pluginId, e.toString());
    }
    return generic(connector);
  }

  private static SetupGuide generic(IdpConnector connector) {
    try {
      return SetupGuide.generic(connector.displayName());
    } catch (RuntimeException e) {
      return SetupGuide.generic(ANY_PROVIDER);
    }
  }
}
