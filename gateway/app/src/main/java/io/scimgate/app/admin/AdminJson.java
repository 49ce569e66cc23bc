package io.scimgate.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.connectors.LoadedConnector;
import io.scimgate.app.connectors.RefusedPlugin;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.connectors.api.SetupGuide;
import io.scimgate.persistence.audit.AuditEntry;
import io.scimgate.persistence.connection.ConnectionStatus;
import io.scimgate.persistence.connection.RateLimit;
import io.scimgate.persistence.connection.ScimConnection;
import io.scimgate.persistence.requestlog.ConnectionActivity;
import io.scimgate.persistence.requestlog.RequestLogEntry;
import io.scimgate.persistence.resource.StoredGroup;
import io.scimgate.persistence.resource.TenantGroup;
import io.scimgate.persistence.tenant.Tenant;
import io.scimgate.scim.json.ScimJson;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The admin API's JSON shapes, and field readers with clear 400s. */
final class AdminJson {
  private final GatewayConfig config;
  private final ConnectorRegistry connectors;

  AdminJson(GatewayConfig config, ConnectorRegistry connectors) {
    this.config = config;
    this.connectors = connectors;
  }

  ObjectNode tenant(Tenant tenant) {
    return ScimJson.object().put("id", tenant.id().toString()).put("name", tenant.name())
        .put("scimEnabled", tenant.scimEnabled()).put("createdAt", text(tenant.createdAt()))
        .put("updatedAt", text(tenant.updatedAt()));
  }

  ObjectNode loadedConnector(LoadedConnector loaded) {
    return ScimJson.object().put("id", loaded.connector().id()).put("name", loaded.connector().displayName())
        .put("defaultGroupPrefix", loaded.connector().defaultGroupPrefix()).put("pluginId", loaded.pluginId())
        .put("version", loaded.pluginVersion()).put("provider", loaded.provider()).put("state", loaded.state())
        .set("setupGuide", setupGuide(loaded.setupGuide()));
  }

  private static ObjectNode setupGuide(SetupGuide guide) {
    ObjectNode json = ScimJson.object().put("summary", guide.summary());
    ArrayNode steps = json.putArray("steps");
    guide.steps().forEach(step -> steps.addObject().put("title", step.title())
        .put("instructions", step.instructions()));
    return json.put("docsUrl", guide.docsUrl());
  }

  ObjectNode refusedPlugin(RefusedPlugin refused) {
    return ScimJson.object().put("pluginId", refused.pluginId()).put("path", refused.path())
        .put("reason", refused.reason());
  }

  private static ObjectNode mappings(Map<String, String> mappings) {
    ObjectNode json = ScimJson.object();
    new TreeMap<>(mappings).forEach(json::put);
    return json;
  }

  ObjectNode connection(ScimConnection connection, ConnectionActivity activity) {
    LoadedConnector connector = connectors.get(connection.vendor());
    ObjectNode json = ScimJson.object().put("id", connection.id().toString())
        .put("tenantId", connection.tenantId().toString()).put("vendor", connection.vendor())
        .put("vendorName", connector == null ? connection.vendor() : connector.connector().displayName())
        .put("connectorLoaded", connector != null)
        .put("name", connection.name()).put("status", connection.status().dbValue())
        .put("scimBaseUrl", config.scimBaseUrl(connection.id())).put("groupPrefix", connection.groupPrefix())
        .put("tokenFingerprint", connection.tokenFingerprint().substring(0, 16))
        .put("createdAt", text(connection.createdAt())).put("updatedAt", text(connection.updatedAt()));
    json.set("attributeMappings", mappings(connection.attributeMappings()));
    json.set("rateLimit", rateLimit(connection.rateLimit()));
    json.put("advertisePagination", connection.advertisePagination());
    if (connection.previousTokenValidUntil() != null
        && connection.previousTokenValidUntil().isAfter(Instant.now())) {
      json.put("previousTokenValidUntil", text(connection.previousTokenValidUntil()));
    }
    json.set("activity", activity(connection, connector != null, activity));
    return json;
  }

  /** What the portal shows of a connection's traffic; the state says what the admin should do next. */
  private static ObjectNode activity(ScimConnection connection, boolean connectorLoaded, ConnectionActivity activity) {
    String state = !connectorLoaded ? "connector_missing"
        : connection.status() == ConnectionStatus.DISABLED ? "disabled"
        : activity.firstRequestAt() == null ? "waiting" : "receiving";
    return ScimJson.object().put("state", state).put("firstRequestAt", text(activity.firstRequestAt()))
        .put("lastRequestAt", text(activity.lastRequestAt())).put("users", activity.users())
        .put("groups", activity.groups()).put("failuresLast24h", activity.failuresLast24h());
  }

  ObjectNode requestLogEntry(RequestLogEntry entry) {
    return ScimJson.object().put("id", entry.id()).put("at", text(entry.at())).put("method", entry.method())
        .put("path", entry.path()).put("status", entry.status()).put("scimType", entry.scimType())
        .put("detail", entry.detail()).put("requestId", entry.requestId());
  }

  /** The budget in force: the connection's own, or the operator's default ({@code null} when unlimited). */
  private JsonNode rateLimit(RateLimit own) {
    RateLimit effective = own != null ? own : config.rateLimits().connection();
    if (effective == null) {
      return ScimJson.object().nullNode();
    }
    return ScimJson.object().put("requestsPerSecond", effective.requestsPerSecond()).put("burst", effective.burst())
        .put("source", own != null ? "connection" : "default");
  }

  ObjectNode group(StoredGroup group) {
    return ScimJson.object().put("id", group.resource().id().toString()).put("name", group.productName())
        .put("displayName", group.resource().doc().path("displayName").asText())
        .put("createdAt", text(group.resource().created()))
        .put("lastModified", text(group.resource().lastModified()));
  }

  ObjectNode tenantGroup(TenantGroup listed) {
    return group(listed.group()).put("memberCount", listed.memberCount());
  }

  ObjectNode audit(AuditEntry entry) {
    ObjectNode json = ScimJson.object().put("id", entry.id()).put("at", text(entry.at()))
        .put("actor", entry.actor()).put("action", entry.action()).put("resourceType", entry.resourceType())
        .put("resourceId", entry.resourceId()).put("requestId", entry.requestId());
    json.put("connectionId", entry.connectionId() == null ? null : entry.connectionId().toString());
    return json;
  }

  /** {@code {"items": [...]}} with each element rendered by {@code render}. */
  static <T> ObjectNode items(java.util.List<T> list, java.util.function.Function<T, ObjectNode> render) {
    ObjectNode body = ScimJson.object();
    ArrayNode items = body.putArray("items");
    list.forEach(element -> items.add(render.apply(element)));
    return body;
  }

  static String requiredText(JsonNode body, String field, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw ScimException.invalidValue("'" + field + "' is required and must be a non-empty string");
    }
    if (value.asText().indexOf('\u0000') >= 0) {
      throw ScimException.invalidValue("'" + field + "' must not contain the NUL character");
    }
    if (value.asText().length() > maxLength) {
      throw ScimException.invalidValue("'" + field + "' must be at most " + maxLength + " characters");
    }
    return value.asText().strip();
  }

  static boolean requiredBoolean(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isBoolean()) {
      throw ScimException.invalidValue("'" + field + "' is required and must be true or false");
    }
    return value.asBoolean();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
