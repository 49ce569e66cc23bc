package io.scimgate.app.connectors;

import io.scimgate.connectors.api.ConnectorsApi;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** The checks {@link PluginHost} runs on what PF4J loaded; each turns a silent PF4J outcome into a refusal. */
final class PluginChecks {
  /** One class of each library the gateway supplies to plugins. */
  private static final Map<String, String> HOST_LIBRARIES = Map.of(
      "com/fasterxml/jackson/databind/JsonNode.class", "Jackson",
      "org/pf4j/ExtensionPoint.class", "PF4J",
      "io/scimgate/connectors/api/IdpConnector.class", "the scimgate connectors-api",
      "io/vertx/core/Vertx.class", "Vert.x",
      "org/slf4j/Logger.class", "SLF4J");

  private PluginChecks() {}

  /** Plugins found but not loaded: duplicate ids (both refused) and unreadable descriptors. */
  static List<RefusedPlugin> unloadable(GatewayPluginManager manager) {
    Set<Path> loaded = new HashSet<>();
    manager.getPlugins().forEach(plugin -> loaded.add(plugin.getPluginPath().toAbsolutePath().normalize()));
    List<RefusedPlugin> refused = new ArrayList<>();
    for (Path path : manager.candidatePaths()) {
      if (loaded.contains(path.toAbsolutePath().normalize())) {
        continue;
      }
      refused.add(unloaded(manager, path));
    }
    return refused;
  }

  private static RefusedPlugin unloaded(GatewayPluginManager manager, Path path) {
    PluginDescriptor descriptor;
    try {
      descriptor = manager.describe(path);
    } catch (RuntimeException e) {
      return new RefusedPlugin(null, path.toString(), "no valid plugin descriptor: " + e.getMessage());
    }
    String id = descriptor.getPluginId();
    PluginWrapper other = manager.getPlugin(id);
    if (other == null) {
      return new RefusedPlugin(id, path.toString(), "PF4J could not load it (see the log above)");
    }
    manager.unloadPlugin(id);
    return new RefusedPlugin(id, path.toString(), "plugin id '" + id + "' is also used by " + other.getPluginPath()
        + "; remove one of them (both are refused)");
  }

  /** Plugins whose own jars contain a class of a host library: unloaded before they can start. */
  static List<RefusedPlugin> bundlingHostLibraries(GatewayPluginManager manager) {
    Map<String, RefusedPlugin> refused = new LinkedHashMap<>();
    for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
      if (!(plugin.getPluginClassLoader() instanceof URLClassLoader loader)) {
        continue;
      }
      for (Map.Entry<String, String> library : HOST_LIBRARIES.entrySet()) {
        URL found = loader.findResource(library.getKey());
        if (found != null && !refused.containsKey(plugin.getPluginId())) {
          refused.put(plugin.getPluginId(), refusal(plugin, "it bundles " + library.getValue() + " (" + jarOf(found)
              + "), which the gateway supplies; a bundled copy fails with a LinkageError. Scope it 'provided' "
              + "(connector-parent does)"));
        }
      }
    }
    refused.keySet().forEach(manager::unloadPlugin);
    return List.copyOf(refused.values());
  }

  /** Loaded plugins that did not reach STARTED: an unmet Plugin-Requires, or a failure in start(). */
  static List<RefusedPlugin> notStarted(GatewayPluginManager manager) {
    List<RefusedPlugin> refused = new ArrayList<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      if (plugin.getPluginState() == PluginState.STARTED) {
        continue;
      }
      String requires = plugin.getDescriptor().getRequires();
      String reason = plugin.getPluginState() == PluginState.FAILED && plugin.getFailedException() != null
          ? "it failed to start: " + plugin.getFailedException()
          : !manager.getVersionManager().checkVersionConstraint(ConnectorsApi.VERSION, requires)
              ? "it requires connectors API " + requires + ", but this gateway provides " + ConnectorsApi.VERSION
              : "it is " + plugin.getPluginState();
      refused.add(refusal(plugin, reason));
    }
    return refused;
  }

  static RefusedPlugin refusal(PluginWrapper plugin, String reason) {
    return new RefusedPlugin(plugin.getPluginId(), plugin.getPluginPath().toString(), reason);
  }

  private static String jarOf(URL resource) {
    String text = resource.toString();
    int bang = text.indexOf("!/");
    String jar = bang > 0 ? text.substring(0, bang) : text;
    return jar.substring(jar.lastIndexOf('/') + 1);
  }
}
