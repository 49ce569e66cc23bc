package io.scimgate.app.connectors;

/**
 * A plugin the gateway did not start, and why, in words an operator can act on.
 *
 * @param pluginId the id from its descriptor, or {@code null} when the descriptor could not be read
 * @param path where it was found
 */
public record RefusedPlugin(String pluginId, String path, String reason) {}
