package io.scimgate.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.auth.AdminAuthHandler;
import io.scimgate.app.auth.ConnectionView;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.connectors.ConnectorRegistry;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.RequestIds;
import io.scimgate.app.http.Responses;
import io.scimgate.app.connectors.LoadedConnector;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.persistence.connection.AdminConnectionSettings;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.connection.ConnectionRepository;
import io.scimgate.persistence.connection.ConnectionStatus;
import io.scimgate.persistence.connection.ScimConnection;
import io.scimgate.persistence.requestlog.ConnectionActivity;
import io.scimgate.persistence.requestlog.RequestLogRepository;
import io.scimgate.persistence.tenant.TenantRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.scimgate.app.http.Routes.async;

/**
 * {@code /admin/v1/tenants/{tenantId}/connections}: add a SCIM connection for a vendor, list, disable, enable,
 * delete, rotate its token. A token is shown once, in the answer that creates it, and never stored.
 */
final class ConnectionAdmin {
  /** The longest grace period a rotated-out token may keep working: 30 days. */
  static final int MAX_GRACE_SECONDS = 30 * 24 * 3600;

  private final TenantRepository tenants;
  private final ConnectionRepository connections;
  private final ConnectionView connectionView;
  private final TokenService tokens;
  private final ConnectorRegistry connectors;
  private final RequestLogRepository requestLog;
  private final AdminJson json;

  ConnectionAdmin(TenantRepository tenants, ConnectionRepository connections, ConnectionView connectionView,
      TokenService tokens, ConnectorRegistry connectors, RequestLogRepository requestLog, AdminJson json) {
    this.tenants = tenants;
    this.connections = connections;
    this.connectionView = connectionView;
    this.tokens = tokens;
    this.connectors = connectors;
    this.requestLog = requestLog;
    this.json = json;
  }

  void mount(Router router) {
    String base = "/tenants/:tenantId/connections";
    router.post(base).handler(async(this::create));
    router.get(base).handler(async(this::list));
    router.get(base + "/:connectionId").handler(async(this::get));
    router.patch(base + "/:connectionId").handler(async(this::updateSettings));
    router.post(base + "/:connectionId/disable").handler(async(ctx -> setStatus(ctx, ConnectionStatus.DISABLED)));
    router.post(base + "/:connectionId/enable").handler(async(ctx -> setStatus(ctx, ConnectionStatus.ENABLED)));
    router.delete(base + "/:connectionId").handler(async(ctx -> setStatus(ctx, ConnectionStatus.DELETED)));
    router.post(base + "/:connectionId/rotate-token").handler(async(this::rotate));
  }

  private Future<Void> create(RoutingContext ctx) {
    JsonNode body = Params.jsonBody(ctx);
    LoadedConnector loaded = connectors.get(body.path("vendor").asText(null));
    if (loaded == null) {
      throw ScimException.invalidValue("'vendor' must be one of the loaded connectors: "
          + String.join(", ", connectors.ids()));
    }
    IdpConnector connector = loaded.connector();
    AdminConnectionSettings settings = AdminConnectionSettingsJson.read(body,
        new AdminConnectionSettings(null, connector.defaultGroupPrefix(), Map.of()));
    Integer ttl = tokenTtl(body);
    return TenantAdmin.existing(tenants, ctx).compose(tenant -> {
      UUID id = UUID.randomUUID();
      String token = tokens.issueConnectionToken(tenant.id(), id, 1, ttl);
      return connections.create(id, connector.id(), settings,
              TokenService.fingerprint(token), audit(ctx, tenant.id(), id))
          .compose(created -> connectionView.refresh(id).recover(ignored -> Future.succeededFuture()).map(created))
          .compose(created -> {
            ctx.response().putHeader("Location", "/admin/v1/tenants/" + tenant.id() + "/connections/" + id);
            return Responses.json(ctx, 201, json.connection(created, ConnectionActivity.NONE).put("token", token));
          });
    });
  }

  private Future<Void> list(RoutingContext ctx) {
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> Future.all(connections.listByTenant(tenant.id()), requestLog.activities(tenant.id())))
        .compose(both -> {
          List<ScimConnection> list = both.resultAt(0);
          Map<UUID, ConnectionActivity> activities = both.resultAt(1);
          return Responses.json(ctx, 200, AdminJson.items(list, connection -> json.connection(connection,
              activities.getOrDefault(connection.id(), ConnectionActivity.NONE))));
        });
  }

  private Future<Void> get(RoutingContext ctx) {
    return existing(ctx).compose(this::render).compose(answer -> Responses.json(ctx, 200, answer));
  }

  /** The connection's JSON with its activity (one query: tenants have few connections, read one at a time). */
  private Future<ObjectNode> render(ScimConnection connection) {
    return requestLog.activity(connection.tenantId(), connection.id())
        .map(activity -> json.connection(connection, activity));
  }

  /**
   * Changes name, groupPrefix, attributeMappings, rateLimit and/or advertisePagination; fields left out keep their
   * values. A new groupPrefix renames every group of the connection on the product side, in the same transaction.
   */
  private Future<Void> updateSettings(RoutingContext ctx) {
    JsonNode body = Params.jsonBody(ctx);
    return existing(ctx)
        .compose(connection -> connections.updateSettings(connection.tenantId(), connection.id(),
            AdminConnectionSettingsJson.read(body, new AdminConnectionSettings(connection.name(),
                connection.groupPrefix(), connection.attributeMappings(), connection.rateLimit(),
                connection.advertisePagination())),
            audit(ctx, connection.tenantId(), connection.id())))
        .compose(changed -> {
          if (changed == null) {
            throw ScimException.notFound("Connection not found");
          }
          return connectionView.refresh(changed.id()).recover(ignored -> Future.succeededFuture()).map(changed);
        })
        .compose(this::render)
        .compose(answer -> Responses.json(ctx, 200, answer));
  }

  private Future<Void> setStatus(RoutingContext ctx, ConnectionStatus status) {
    return existing(ctx)
        .compose(connection -> connections.setStatus(connection.tenantId(), connection.id(), status,
            audit(ctx, connection.tenantId(), connection.id())))
        .compose(changed -> {
          if (changed == null) {
            throw ScimException.notFound("Connection not found");
          }
          return connectionView.refresh(changed.id()).recover(ignored -> Future.succeededFuture()).map(changed);
        })
        .compose(changed -> status == ConnectionStatus.DELETED ? Responses.noContent(ctx)
            : render(changed).compose(body -> Responses.json(ctx, 200, body)));
  }

  /**
   * Issues a new token. {@code graceSeconds} (default 0) is how long the previous token keeps working, so that
   * the admin can paste the new one into the IdP without a gap. Only the immediately previous token gets it.
   */
  private Future<Void> rotate(RoutingContext ctx) {
    JsonNode body = Params.jsonBodyOrEmpty(ctx);
    JsonNode grace = body.path("graceSeconds");
    if (!grace.isMissingNode() && (!grace.canConvertToInt() || grace.asInt() < 0 || grace.asInt() > MAX_GRACE_SECONDS
        || !grace.isIntegralNumber())) {
      throw ScimException.invalidValue("'graceSeconds' must be an integer from 0 to " + MAX_GRACE_SECONDS);
    }
    int graceSeconds = grace.asInt(0);
    Integer ttl = tokenTtl(body);
    return existing(ctx).compose(connection -> {
      int next = connection.tokenGeneration() + 1;
      String token = tokens.issueConnectionToken(connection.tenantId(), connection.id(), next, ttl);
      Instant graceUntil = graceSeconds == 0 ? null : Instant.now().plusSeconds(graceSeconds);
      return connections.rotateToken(connection.tenantId(), connection.id(), connection.tokenGeneration(),
              TokenService.fingerprint(token), graceUntil, audit(ctx, connection.tenantId(), connection.id()))
          .compose(rotated -> {
            if (rotated == null) {
              throw ScimException.of(409, null, "The token was rotated concurrently; retry");
            }
            return connectionView.refresh(rotated.id()).recover(ignored -> Future.succeededFuture()).map(rotated);
          })
          .compose(this::render)
          .compose(answer -> Responses.json(ctx, 200, answer.put("token", token)));
    });
  }

  /** Optional {@code tokenTtlSeconds}: the new token expires after it (at least a minute, at most ten years). */
  private static Integer tokenTtl(JsonNode body) {
    JsonNode ttl = body.path("tokenTtlSeconds");
    if (ttl.isMissingNode() || ttl.isNull()) {
      return null;
    }
    if (!ttl.isIntegralNumber() || ttl.asLong() < 60 || ttl.asLong() > 10L * 365 * 24 * 3600) {
      throw ScimException.invalidValue("'tokenTtlSeconds' must be an integer from 60 to 315360000");
    }
    return ttl.asInt();
  }

  private Future<ScimConnection> existing(RoutingContext ctx) {
    return existing(connections, ctx);
  }

  /** The connection named by the path, looked up with the path's tenant id; a 404 for any other. */
  static Future<ScimConnection> existing(ConnectionRepository connections, RoutingContext ctx) {
    UUID tenantId = Params.uuidPath(ctx, "tenantId", "Tenant");
    UUID id = Params.uuidPath(ctx, "connectionId", "Connection");
    return connections.get(id).map(connection -> {
      if (connection == null || !connection.tenantId().equals(tenantId)
          || connection.status() == ConnectionStatus.DELETED) {
        throw ScimException.notFound("Connection '" + id + "' not found");
      }
      return connection;
    });
  }

  private static AuditContext audit(RoutingContext ctx, UUID tenantId, UUID connectionId) {
    return new AuditContext(tenantId, connectionId, AdminAuthHandler.actor(ctx), RequestIds.of(ctx));
  }
}
