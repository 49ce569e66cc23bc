package io.scimgate.app.scim;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.discovery.Capabilities;
import io.scimgate.scim.discovery.DiscoveryDocuments;
import io.scimgate.scim.resource.ScimMessages;
import io.scimgate.scim.schema.CoreSchemas;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas} (RFC 7644 §4). */
final class DiscoveryEndpoints {
  private final GatewayConfig config;
  private final Capabilities capabilities;

  DiscoveryEndpoints(GatewayConfig config) {
    this.config = config;
    // Honest about today: PATCH, Bulk, filters, sorting and ETag preconditions work; no password changes.
    this.capabilities = new Capabilities(true, true, config.bulkMaxOperations(), config.maxBodyBytes(), true,
        config.maxPageSize(), config.defaultPageSize(), false, true, true);
  }

  void mount(Router router) {
    ScimRoutes routes = ScimRoutes.on(router);
    routes.get("/ServiceProviderConfig").handler(async(this::serviceProviderConfig));
    routes.get("/ResourceTypes").handler(async(this::resourceTypes));
    routes.get("/ResourceTypes/:name").handler(async(this::resourceType));
    routes.get("/Schemas").handler(async(this::schemas));
    routes.get("/Schemas/:id").handler(async(this::schema));
  }

  /** RFC 9865's {@code pagination} only for connections whose admin turned it on (see ScimConnection). */
  private Future<Void> serviceProviderConfig(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    return Responses.scim(ctx, 200, DiscoveryDocuments.serviceProviderConfig(capabilities,
        request.connection().advertisePagination(), request.baseUrl()));
  }

  private Future<Void> resourceTypes(RoutingContext ctx) {
    List<ObjectNode> types = CoreSchemas.RESOURCE_TYPES.stream()
        .map(type -> DiscoveryDocuments.resourceType(type, baseUrl(ctx))).toList();
    return Responses.scim(ctx, 200, ScimMessages.listResponse(types.size(), 1, types));
  }

  private Future<Void> resourceType(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    for (ResourceType type : CoreSchemas.RESOURCE_TYPES) {
      if (type.name().equalsIgnoreCase(name)) {
        return Responses.scim(ctx, 200, DiscoveryDocuments.resourceType(type, baseUrl(ctx)));
      }
    }
    throw ScimException.notFound("Resource type '" + name + "' not found");
  }

  private Future<Void> schemas(RoutingContext ctx) {
    List<ObjectNode> schemas = CoreSchemas.ALL.stream()
        .map(schema -> DiscoveryDocuments.schema(schema, baseUrl(ctx))).toList();
    return Responses.scim(ctx, 200, ScimMessages.listResponse(schemas.size(), 1, schemas));
  }

  private Future<Void> schema(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    for (Schema schema : CoreSchemas.ALL) {
      if (schema.id().equalsIgnoreCase(id)) {
        return Responses.scim(ctx, 200, DiscoveryDocuments.schema(schema, baseUrl(ctx)));
      }
    }
    throw ScimException.notFound("Schema '" + id + "' not found");
  }

  private String baseUrl(RoutingContext ctx) {
    return ScimRequest.of(ctx, config).baseUrl();
  }
}
