package io.scimgate.app.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.api.ScimException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's connector bound to that connection's settings: what the SCIM endpoints call to turn the IdP's
 * payload into RFC form before validating it. Bodies that are not of the expected JSON shape pass through
 * untouched: the core's validation then answers with the precise SCIM error.
 *
 * <p>The time each call takes goes to the metrics ({@link ConnectorTimings}: per connector and hook). A connector
 * that throws anything but {@link ScimException} has a bug: the request fails with 500 and the exception is logged.
 */
public final class BoundConnector {
  private static final Logger LOG = LoggerFactory.getLogger(BoundConnector.class);

  private final IdpConnector connector;
  private final ConnectionSettings settings;
  private final ConnectorTimings timings;

  public BoundConnector(IdpConnector connector, ConnectionSettings settings, ConnectorTimings timings) {
    this.connector = connector;
    this.settings = settings;
    this.timings = timings;
  }

  public IdpConnector connector() {
    return connector;
  }

  public ConnectionSettings settings() {
    return settings;
  }

  public JsonNode user(JsonNode body) {
    return body instanceof ObjectNode user ? call("normalizeUser", () -> connector.normalizeUser(user, settings))
        : body;
  }

  public JsonNode group(JsonNode body) {
    return body instanceof ObjectNode group ? call("normalizeGroup", () -> connector.normalizeGroup(group, settings))
        : body;
  }

  /** A PATCH body with its {@code Operations} (or {@code operations}) array normalised. */
  public JsonNode patch(ResourceKind kind, JsonNode body) {
    if (!(body instanceof ObjectNode patch)) {
      return body;
    }
    String key = patch.has("Operations") ? "Operations" : "operations";
    if (!(patch.get(key) instanceof ArrayNode operations)) {
      return body;
    }
    ArrayNode normalized = call("normalizePatch", () -> connector.normalizePatch(kind, operations, settings));
    ObjectNode out = patch.objectNode(); // shallow: the connector already returned new operations
    out.setAll(patch);
    out.set(key, normalized);
    return out;
  }

  public String filter(ResourceKind kind, String filter) {
    return filter == null || filter.isBlank() ? filter
        : call("normalizeFilter", () -> connector.normalizeFilter(kind, filter, settings));
  }

  /** The product-side name of a group the IdP calls {@code displayName}. */
  public String productGroupName(String displayName) {
    return call("productGroupName", () -> connector.productGroupName(displayName, settings));
  }

  private <T> T call(String hook, Supplier<T> normalization) {
    long start = System.nanoTime();
    T result;
    try {
      result = normalization.get();
    } catch (ScimException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("Connector '{}' failed in {} on connection {}", connector.id(), hook, settings.connectionId(), e);
      throw ScimException.of(500, null, "The '" + connector.id() + "' connector failed to read this request");
    }
    if (result == null) {
      throw ScimException.of(500, null, "The '" + connector.id() + "' connector returned nothing for " + hook);
    }
    timings.record(connector.id(), hook, System.nanoTime() - start);
    return result;
  }
}
