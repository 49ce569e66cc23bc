package io.scimgate.app.connectors;

import io.scimgate.connectors.api.IdpConnector;

/** A connector that a started plugin provides, with what admins are shown about its plugin. */
public record LoadedConnector(IdpConnector connector, String pluginId, String pluginVersion, String provider,
    String state) {}
