package io.scimgate.app.connectors;

import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.SetupGuide;

/**
 * A connector that a started plugin provides, with what admins are shown about its plugin. {@code setupGuide} is
 * the connector's own, read once at load time ({@link SetupGuides}), or the generic guide if it had none to give.
 */
public record LoadedConnector(IdpConnector connector, String pluginId, String pluginVersion, String provider,
    String state, SetupGuide setupGuide) {}
