package io.scimgate.app.connectors;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.RuntimeMode;

/**
 * PF4J's default manager (plugin zips and directories, descriptor in the manifest or plugin.properties), always in
 * deployment mode whatever {@code pf4j.mode} says, and exposing what the host's checks need.
 */
final class GatewayPluginManager extends DefaultPluginManager {

  GatewayPluginManager(Path pluginsDir) {
    super(pluginsDir);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  /** Every plugin PF4J found (zips already expanded), loaded or not. */
  List<Path> candidatePaths() {
    return pluginRepository.getPluginPaths();
  }

  /** The descriptor of the plugin at {@code path}; throws when it has none or an invalid one. */
  PluginDescriptor describe(Path path) {
    return getPluginDescriptorFinder().find(path);
  }
}
