package io.scimgate.app.connectors;

import io.scimgate.connectors.api.ConnectorsApi;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.connectors.api.IdpConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads connector plugins from the plugins directory with PF4J, once, at start-up (blocking file work: never on an
 * event loop). What PF4J only logs, the host refuses loudly, each with a reason ({@link RefusedPlugin}):
 * <ul>
 *   <li>a {@code Plugin-Requires} that the SDK's contract version ({@link ConnectorsApi#VERSION}) does not meet;</li>
 *   <li>a plugin that bundles a library the gateway supplies (Jackson, PF4J, the SDK, Vert.x, SLF4J): PF4J loads
 *   plugin-first, so it would fail with a LinkageError at its first call;</li>
 *   <li>two plugins with one id, or two connectors with one id: both are refused rather than picking one by
 *   directory order;</li>
 *   <li>a plugin that fails to start or provides no connector (for example, built without PF4J's annotation
 *   processor).</li>
 * </ul>
 * Extensions are instantiated once here and shared: connectors are stateless by contract. Their setup guides are
 * read here too, once ({@link SetupGuides}).
 */
public final class PluginHost {
  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  private PluginHost() {}

  public static ConnectorRegistry load(Path pluginsDir) {
    if (!Files.isDirectory(pluginsDir)) {
      LOG.warn("Plugins directory {} does not exist: no connectors loaded", pluginsDir);
      return new ConnectorRegistry(Map.of(), List.of(), Map.of(), null);
    }
    GatewayPluginManager manager = new GatewayPluginManager(pluginsDir);
    manager.setSystemVersion(ConnectorsApi.VERSION);
    manager.loadPlugins();
    List<RefusedPlugin> refused = new ArrayList<>(PluginChecks.unloadable(manager));
    refused.addAll(PluginChecks.bundlingHostLibraries(manager));
    manager.startPlugins();
    refused.addAll(PluginChecks.notStarted(manager));
    Map<String, LoadedConnector> connectors = connectors(manager, refused);
    refused.forEach(r -> LOG.error("Connector plugin {} ({}) refused: {}", r.pluginId(), r.path(), r.reason()));
    connectors.values().forEach(c -> LOG.info("Connector '{}' ({}) from plugin {} {}", c.connector().id(),
        c.connector().displayName(), c.pluginId(), c.pluginVersion()));
    return new ConnectorRegistry(connectors, refused, channels(manager), manager);
  }

  /** Delivery channels from started plugins (third-party channels beside the built-in e-mail and webhook). */
  private static Map<String, DeliveryChannel> channels(GatewayPluginManager manager) {
    Map<String, DeliveryChannel> byId = new LinkedHashMap<>();
    for (PluginWrapper plugin : manager.getStartedPlugins()) {
      for (DeliveryChannel channel : manager.getExtensions(DeliveryChannel.class, plugin.getPluginId())) {
        if (byId.putIfAbsent(channel.id(), channel) != null) {
          LOG.error("Delivery channel '{}' of plugin {} ignored: another plugin provides it", channel.id(),
              plugin.getPluginId());
        } else {
          LOG.info("Delivery channel '{}' from plugin {}", channel.id(), plugin.getPluginId());
        }
      }
    }
    return byId;
  }

  private static Map<String, LoadedConnector> connectors(GatewayPluginManager manager, List<RefusedPlugin> refused) {
    Map<String, LoadedConnector> byId = new LinkedHashMap<>();
    Map<String, String> pluginOf = new LinkedHashMap<>();
    for (PluginWrapper plugin : manager.getStartedPlugins()) {
      List<IdpConnector> extensions = manager.getExtensions(IdpConnector.class, plugin.getPluginId());
      if (manager.getExtensionClassNames(plugin.getPluginId()).isEmpty()) {
        refused.add(PluginChecks.refusal(plugin, "it provides no extension (was it built with PF4J's annotation "
            + "processor, as connector-parent does?)"));
      }
      for (IdpConnector connector : extensions) {
        String id = connector.id();
        if (pluginOf.containsKey(id)) {
          refused.add(PluginChecks.refusal(plugin, "connector id '" + id + "' is also provided by plugin "
              + pluginOf.get(id) + "; both are refused"));
          byId.remove(id);
          continue;
        }
        pluginOf.put(id, plugin.getPluginId());
        byId.put(id, new LoadedConnector(connector, plugin.getPluginId(), plugin.getDescriptor().getVersion(),
            plugin.getDescriptor().getProvider(), PluginState.STARTED.toString(),
            SetupGuides.of(connector, plugin.getPluginId())));
      }
    }
    return byId;
  }
}
