package io.scimgate.app.scim;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Preconditions;
import io.scimgate.app.http.Responses;
import io.scimgate.persistence.resource.StoredResource;
import io.scimgate.persistence.resource.UserWithGroups;
import io.scimgate.scim.resource.Projection;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** {@code /Users} (RFC 7644 §3.3-3.6): create, read, list, replace, patch, delete. */
final class UserEndpoints {
  private final UserOperations users;
  private final GatewayConfig config;

  UserEndpoints(UserOperations users, GatewayConfig config) {
    this.users = users;
    this.config = config;
  }

  void mount(Router router) {
    ScimRoutes routes = ScimRoutes.on(router);
    routes.post("/Users").handler(async(this::create));
    routes.get("/Users").handler(async(ctx -> list(ctx, ListQuery.fromQuery(ctx, config, ResourceKind.USER))));
    routes.post("/Users/.search").handler(async(this::search));
    routes.get("/Users/:id").handler(async(this::get));
    routes.put("/Users/:id").handler(async(this::replace));
    routes.patch("/Users/:id").handler(async(this::patch));
    routes.delete("/Users/:id").handler(async(this::delete));
  }

  private Future<Void> create(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    return users.createUser(request, Params.jsonBody(ctx))
        .compose(created -> respond(ctx, 201, created, request));
  }

  private Future<Void> get(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    boolean withGroups = ListQuery.projection(ctx, CoreSchemas.USER_TYPE).includes(UserOperations.GROUPS);
    return users.get(request, Params.uuidPath(ctx, "id", "User"), withGroups).compose(read -> {
      if (Preconditions.notModified(ctx, read.user().version())) {
        headers(ctx, read.user(), request);
        return ctx.response().setStatusCode(304).end();
      }
      return respond(ctx, 200, read, request);
    });
  }

  private Future<Void> replace(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "User");
    return users.replaceUser(request, id, Params.jsonBody(ctx), Preconditions.ifMatch(ctx))
        .compose(user -> respond(ctx, 200, user, request));
  }

  /**
   * RFC 7644 §3.5.2: 200 with the resource (honouring attributes/excludedAttributes), or 204 when the client
   * sends {@code Prefer: return=minimal}.
   */
  private Future<Void> patch(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "User");
    return users.patchUser(request, id, Params.jsonBody(ctx), Preconditions.ifMatch(ctx)).compose(user -> {
      if (ReturnPreference.minimal(ctx)) {
        headers(ctx, user, request);
        return Responses.noContent(ctx);
      }
      return respond(ctx, 200, user, request);
    });
  }

  private Future<Void> delete(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "User");
    return users.delete(request, id, Preconditions.ifMatch(ctx)).compose(deleted -> Responses.noContent(ctx));
  }

  private Future<Void> list(RoutingContext ctx, ListQuery query) {
    return users.list(ScimRequest.of(ctx, config), query, query.offset(), query.count())
        .compose(result -> Responses.scim(ctx, 200, ListResponses.of(query, result)));
  }

  /** {@code POST /Users/.search} (RFC 7644 §3.4.3): the query in the body, where URLs and logs do not see it. */
  private Future<Void> search(RoutingContext ctx) {
    return list(ctx, ListQuery.fromSearchBody(ctx, config, ResourceKind.USER));
  }

  /** Write responses leave the derived {@code groups} out: reading them would cost every write a query. */
  private static Future<Void> respond(RoutingContext ctx, int status, StoredResource user, ScimRequest request) {
    return respond(ctx, status, new UserWithGroups(user, null), request);
  }

  private static Future<Void> respond(RoutingContext ctx, int status, UserWithGroups read, ScimRequest request) {
    Projection projection = ListQuery.projection(ctx, CoreSchemas.USER_TYPE);
    ObjectNode body = projection.apply(CoreSchemas.USER_TYPE, ScimRenderer.user(read, request.baseUrl()));
    headers(ctx, read.user(), request);
    return Responses.scim(ctx, status, body);
  }

  private static void headers(RoutingContext ctx, StoredResource user, ScimRequest request) {
    ResourceHeaders.put(ctx, ScimRenderer.userLocation(request.baseUrl(), user.id()), user.version());
  }
}
