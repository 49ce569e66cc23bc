package io.scimgate.app.connectors;

/** Where a {@link BoundConnector} reports how long each connector call took (the metrics, or nowhere). */
@FunctionalInterface
public interface ConnectorTimings {
  ConnectorTimings NONE = (connector, hook, nanos) -> { };

  /** {@code connector}: a loaded connector's id; {@code hook}: {@code normalizeUser}, {@code normalizePatch}... */
  void record(String connector, String hook, long nanos);
}
