package io.scimgate.app.scim;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Preconditions;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.FilterSql;
import io.scimgate.persistence.resource.GroupChange;
import io.scimgate.persistence.resource.GroupRepository;
import io.scimgate.persistence.resource.StoredGroup;
import io.scimgate.scim.patch.PatchEngine;
import io.scimgate.scim.patch.PatchOperation;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.scim.patch.PatchResult;
import io.scimgate.scim.resource.Projection;
import io.scimgate.scim.resource.ResourceValidator;
import io.scimgate.scim.resource.ScimMessages;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /Groups}: like users, plus membership. Members live in the membership table, not in the stored
 * document; responses read them only when the projection shows them ({@code excludedAttributes=members}
 * reads no membership row).
 */
final class GroupEndpoints {
  private static final String MEMBERS = "members";

  private final GroupRepository groups;
  private final GatewayConfig config;

  GroupEndpoints(GroupRepository groups, GatewayConfig config) {
    this.groups = groups;
    this.config = config;
  }

  void mount(Router router) {
    router.post("/Groups").handler(async(this::create));
    router.get("/Groups").handler(async(this::list));
    router.get("/Groups/:id").handler(async(this::get));
    router.put("/Groups/:id").handler(async(this::replace));
    router.patch("/Groups/:id").handler(async(this::patch));
    router.delete("/Groups/:id").handler(async(this::delete));
  }

  private Future<Void> create(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    ObjectNode doc = ResourceValidator.validate(CoreSchemas.GROUP_TYPE, Params.jsonBody(ctx));
    List<UUID> members = takeMembers(doc);
    Projection projection = ListQuery.projection(ctx, CoreSchemas.GROUP_TYPE);
    UUID id = UUID.randomUUID();
    return groups.create(id, doc, productName(request, doc), members == null ? List.of() : members, request.audit())
        .compose(created -> reload(request, id, projection))
        .compose(created -> respond(ctx, 201, created, request, projection));
  }

  private Future<Void> get(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "Group");
    Projection projection = ListQuery.projection(ctx, CoreSchemas.GROUP_TYPE);
    return reload(request, id, projection).compose(group -> {
      if (Preconditions.notModified(ctx, group.resource().version())) {
        ctx.response().putHeader("ETag", ScimRenderer.etag(group.resource().version()));
        return ctx.response().setStatusCode(304).end();
      }
      return respond(ctx, 200, group, request, projection);
    });
  }

  /** PUT replaces the group; a body without {@code members} leaves membership untouched ({@code []} clears it). */
  private Future<Void> replace(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "Group");
    ObjectNode doc = ResourceValidator.validate(CoreSchemas.GROUP_TYPE, Params.jsonBody(ctx));
    List<UUID> members = takeMembers(doc);
    Projection projection = ListQuery.projection(ctx, CoreSchemas.GROUP_TYPE);
    return groups.replace(id, doc, productName(request, doc), members, Preconditions.ifMatch(ctx), request.audit())
        .compose(replaced -> {
          if (replaced == null) {
            throw notFound(id);
          }
          return reload(request, id, projection);
        })
        .compose(group -> respond(ctx, 200, group, request, projection));
  }

  /**
   * Membership and renames. Answers 204 (what Entra ID expects); with {@code Prefer: return=representation},
   * 200 with the group but never its members: a PATCH on a 100,000-member group stays cheap either way.
   */
  private Future<Void> patch(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    UUID id = Params.uuidPath(ctx, "id", "Group");
    List<PatchOperation> operations = PatchRequest.parse(Params.jsonBody(ctx));
    return groups.patch(id, Preconditions.ifMatch(ctx), stored -> {
          PatchResult result = PatchEngine.apply(CoreSchemas.GROUP_TYPE, stored.resource().doc(), operations);
          return new GroupChange(result.doc(), productName(request, result.doc()), result.members());
        }, request.audit())
        .compose(group -> {
          if (group == null) {
            throw notFound(id);
          }
          ctx.response().putHeader("ETag", ScimRenderer.etag(group.resource().version()));
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
    return groups.delete(id, Preconditions.ifMatch(ctx), request.audit()).compose(deleted -> {
      if (!deleted) {
        throw notFound(id);
      }
      return Responses.noContent(ctx);
    });
  }

  private Future<Void> list(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    ListQuery query = ListQuery.from(ctx, CoreSchemas.GROUP_TYPE, config);
    boolean withMembers = query.projection().includes(MEMBERS);
    return groups.list(request.connection().id(), FilterSql.groups(query.filter()), query.offset(), query.count(),
            withMembers)
        .compose(page -> Responses.scim(ctx, 200, ScimMessages.listResponse(page.total(), query.startIndex(),
            page.items().stream()
                .map(group -> query.projection().apply(CoreSchemas.GROUP_TYPE,
                    ScimRenderer.group(group, request.baseUrl())))
                .toList())));
  }

  private Future<StoredGroup> reload(ScimRequest request, UUID id, Projection projection) {
    return groups.get(request.connection().id(), id, projection.includes(MEMBERS)).map(group -> {
      if (group == null) {
        throw notFound(id);
      }
      return group;
    });
  }

  private static Future<Void> respond(RoutingContext ctx, int status, StoredGroup group, ScimRequest request,
      Projection projection) {
    ObjectNode body = projection.apply(CoreSchemas.GROUP_TYPE, ScimRenderer.group(group, request.baseUrl()));
    ctx.response().putHeader("ETag", ScimRenderer.etag(group.resource().version()));
    if (status == 201) {
      ctx.response().putHeader("Location", request.baseUrl() + "/Groups/" + group.resource().id());
    }
    return Responses.scim(ctx, status, body);
  }

  /** Removes {@code members} from the document: the member ids in order, or {@code null} when absent. */
  private static List<UUID> takeMembers(ObjectNode doc) {
    JsonNode members = doc.remove(MEMBERS);
    if (members == null) {
      return null;
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (JsonNode member : members) {
      String value = member.path("value").asText(null);
      if (value == null) {
        throw ScimException.invalidValue("Every member needs a 'value' (the member's id)");
      }
      try {
        ids.add(UUID.fromString(value));
      } catch (IllegalArgumentException e) {
        throw ScimException.invalidValue("Unknown member id(s) in this connection: [" + value + "]");
      }
    }
    return new ArrayList<>(ids);
  }

  private static String productName(ScimRequest request, ObjectNode doc) {
    return request.connection().groupPrefix() + doc.path("displayName").asText();
  }

  private static ScimException notFound(UUID id) {
    return ScimException.notFound("Group '" + id + "' not found");
  }
}
