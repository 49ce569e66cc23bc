package io.scimgate.app.scim;

import static io.scimgate.app.http.Routes.async;
import static io.scimgate.app.scim.GroupOperations.MEMBERS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Preconditions;
import io.scimgate.app.http.Responses;
import io.scimgate.persistence.resource.StoredGroup;
import io.scimgate.scim.resource.Projection;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code /Groups}. Responses read membership rows only when the projection shows members
 * ({@code excludedAttributes=members} reads none), and then stream them ({@link StreamedGroup}); PATCH answers
 * never contain members.
 */
final class GroupEndpoints {
  private final GroupOperations groups;
  private final GatewayConfig config;

  GroupEndpoints(GroupOperations groups, GatewayConfig config) {
    this.groups = groups;
    this.config = config;
  }

  void mount(Router router) {
    ScimRoutes routes = ScimRoutes.on(router);
    routes.post("/Groups").handler(async(this::create));
    routes.get("/Groups").handler(async(ctx -> list(ctx, ListQuery.fromQuery(ctx, config, ResourceKind.GROUP))));
    routes.post("/Groups/.search").handler(async(this::search));
    routes.get("/Groups/:id").handler(async(this::get));
    routes.put("/Groups/:id").handler(async(this::replace));
    routes.patch("/Groups/:id").handler(async(this::patch));
    routes.delete("/Groups/:id").handler(async(this::delete));
  }

  private Future<Void> create(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    return groups.createGroup(request, Params.jsonBody(ctx))
        .compose(created -> showGroup(ctx, 201, request, created.resource().id()));
  }

  private Future<Void> get(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "Group");
    return groups.get(request, id, readsAllMembers(ctx)).compose(group -> {
      if (Preconditions.notModified(ctx, group.resource().version())) {
        headers(ctx, group, request);
        return ctx.response().setStatusCode(304).end();
      }
      return respond(ctx, 200, group, request);
    });
  }

  private Future<Void> replace(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "Group");
    return groups.replaceGroup(request, id, Params.jsonBody(ctx), Preconditions.ifMatch(ctx))
        .compose(replaced -> showGroup(ctx, 200, request, id));
  }

  /**
   * Membership and renames. Answers 204 (what Entra ID expects); with {@code Prefer: return=representation},
   * 200 with the group but never its members: a PATCH on a 100,000-member group stays cheap either way.
   */
  private Future<Void> patch(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "Group");
    return groups.patchGroup(request, id, Params.jsonBody(ctx), Preconditions.ifMatch(ctx)).compose(group -> {
      headers(ctx, group, request);
      if (!ReturnPreference.representation(ctx)) {
        return Responses.noContent(ctx);
      }
      Projection withoutMembers = Projection.of(CoreSchemas.GROUP_TYPE, null, MEMBERS);
      return Responses.scim(ctx, 200,
          withoutMembers.apply(CoreSchemas.GROUP_TYPE, ScimRenderer.group(group, request.baseUrl())));
    });
  }

  private Future<Void> delete(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "Group");
    return groups.delete(request, id, Preconditions.ifMatch(ctx)).compose(deleted -> Responses.noContent(ctx));
  }

  private Future<Void> list(RoutingContext ctx, ListQuery query) {
    return groups.list(ScimRequest.of(ctx, config), query, query.offset(), query.count())
        .compose(result -> Responses.scim(ctx, 200, ListResponses.of(query, result)));
  }

  /** {@code POST /Groups/.search} (RFC 7644 §3.4.3): the query in the body, where URLs and logs do not see it. */
  private Future<Void> search(RoutingContext ctx) {
    return list(ctx, ListQuery.fromSearchBody(ctx, config, ResourceKind.GROUP));
  }

  /** Reads the group as the projection shows it (members only when shown) and answers with it. */
  private Future<Void> showGroup(RoutingContext ctx, int status, ScimRequest request, UUID id) {
    return groups.get(request, id, readsAllMembers(ctx)).compose(group -> respond(ctx, status, group, request));
  }

  /** Whether the group is read with all its members at once: shown, and not streamed. */
  private boolean readsAllMembers(RoutingContext ctx) {
    Projection projection = projection(ctx);
    return projection.includes(MEMBERS) && !StreamedGroup.applies(projection, membersPerFetch());
  }

  private Future<Void> respond(RoutingContext ctx, int status, StoredGroup group, ScimRequest request) {
    Projection projection = projection(ctx);
    if (StreamedGroup.applies(projection, membersPerFetch())) {
      UUID id = group.resource().id();
      return StreamedGroup.send(ctx, status, group, request.baseUrl(), projection,
          (after, limit) -> groups.members(id, after, limit), membersPerFetch());
    }
    ObjectNode body = projection.apply(CoreSchemas.GROUP_TYPE, ScimRenderer.group(group, request.baseUrl()));
    headers(ctx, group, request);
    return Responses.scim(ctx, status, body);
  }

  private int membersPerFetch() {
    return config.databaseLimits().groupMembersPerFetch();
  }

  private static void headers(RoutingContext ctx, StoredGroup group, ScimRequest request) {
    ResourceHeaders.put(ctx, ScimRenderer.groupLocation(request.baseUrl(), group.resource().id()),
        group.resource().version());
  }

  private static Projection projection(RoutingContext ctx) {
    return ListQuery.projection(ctx, CoreSchemas.GROUP_TYPE);
  }
}
