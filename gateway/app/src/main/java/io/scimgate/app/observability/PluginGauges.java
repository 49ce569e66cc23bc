package io.scimgate.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.connectors.LoadedConnector;
import io.scimgate.app.connectors.RefusedPlugin;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The plugins of this node as start-up left them ({@code scimgate_plugins{plugin, connector, state} 1}: state
 * {@code started} or {@code refused}), and how many vendors that connections use have no connector here
 * ({@code scimgate_connectors_missing}: their requests get 503 and readiness fails).
 */
final class PluginGauges {
  static final String PLUGINS = "scimgate.plugins";

  private PluginGauges() {}

  static void register(MeterRegistry registry, ConnectorRegistry connectors, Supplier<Set<String>> missing) {
    for (LoadedConnector loaded : connectors.loaded()) {
      plugin(registry, loaded.pluginId(), loaded.connector().id(), "started");
    }
    for (RefusedPlugin refused : connectors.refused()) {
      plugin(registry, refused.pluginId(), "-", "refused");
    }
    // the supplier form: a gauge holds its state object only weakly, and nothing else would hold this one
    Gauge.builder("scimgate.connectors.missing", () -> missing.get().size())
        .description("Vendors that connections use but no connector on this node serves").register(registry);
  }

  private static void plugin(MeterRegistry registry, String plugin, String connector, String state) {
    Gauge.builder(PLUGINS, () -> 1)
        .description("Connector plugins found at start-up, by state (started, refused)")
        .tag("plugin", String.valueOf(plugin)).tag("connector", connector).tag("state", state)
        .register(registry);
  }
}
