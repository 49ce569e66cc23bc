package io.scimgate.app.connectors;

import io.scimgate.connectors.api.DeliveryChannel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.PluginManager;

/**
 * The connectors of this node, fixed at start-up ({@link PluginHost}): immutable afterwards, so event loops read
 * it without locks. Also remembers the plugins it refused, for the admin API and start-up log.
 */
public final class ConnectorRegistry {
  private final Map<String, LoadedConnector> byId;
  private final List<RefusedPlugin> refused;
  private final Map<String, DeliveryChannel> channels;
  private final PluginManager plugins;

  ConnectorRegistry(Map<String, LoadedConnector> byId, List<RefusedPlugin> refused,
      Map<String, DeliveryChannel> channels, PluginManager plugins) {
    this.byId = Map.copyOf(byId);
    this.channels = Map.copyOf(channels);
    this.refused = List.copyOf(refused);
    this.plugins = plugins;
  }

  /** The connector with this id, or {@code null}. */
  public LoadedConnector get(String id) {
    return id == null ? null : byId.get(id);
  }

  /** Delivery channels that plugins provide, by channel id. */
  public Map<String, DeliveryChannel> channels() {
    return channels;
  }

  /** Connector ids, sorted. */
  public Set<String> ids() {
    return new TreeSet<>(byId.keySet());
  }

  public Collection<LoadedConnector> loaded() {
    return byId.values().stream().sorted((a, b) -> a.connector().id().compareTo(b.connector().id())).toList();
  }

  public List<RefusedPlugin> refused() {
    return refused;
  }

  /** The vendors among {@code inUse} that no loaded connector serves, sorted. */
  public Set<String> missing(Collection<String> inUse) {
    Set<String> missing = new TreeSet<>(inUse);
    missing.removeAll(byId.keySet());
    return missing;
  }

  /** Stops the plugins (at shutdown, after the HTTP servers drained). */
  public void stop() {
    if (plugins != null) {
      plugins.stopPlugins();
    }
  }
}
