package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.scim.resource.Projection;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.resource.StoredResource;
import io.scimgate.persistence.resource.UserWithGroups;
import io.scimgate.persistence.resource.UserRepository;
import io.scimgate.scim.patch.PatchEngine;
import io.scimgate.scim.patch.PatchOperation;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.scim.resource.ResourceValidator;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/**
 * The writes on users, independent of HTTP: the /Users endpoints and /Bulk both call them. Bad input is a
 * ScimException before anything is written; an unknown id is a 404.
 */
final class UserOperations implements ResourceWrites {
  static final String GROUPS = "groups";

  private final UserRepository users;
  private final ResourceListing<UserWithGroups> listing;

  UserOperations(UserRepository users, Cursors cursors) {
    this.users = users;
    this.listing = new ResourceListing<>(cursors, "Users", UserWithGroups::user);
  }

  @Override
  public String endpoint() {
    return "/Users";
  }

  @Override
  public Future<Written> create(ScimRequest request, JsonNode body) {
    return createUser(request, body).map(UserOperations::written);
  }

  @Override
  public Future<Written> replace(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    return replaceUser(request, id, body, ifMatch).map(UserOperations::written);
  }

  @Override
  public Future<Written> patch(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    return patchUser(request, id, body, ifMatch).map(UserOperations::written);
  }

  @Override
  public Future<Void> delete(ScimRequest request, UUID id, Long ifMatch) {
    return users.delete(id, ifMatch, request.audit()).map(deleted -> {
      if (!deleted) {
        throw notFound(id);
      }
      return null;
    });
  }

  Future<StoredResource> createUser(ScimRequest request, JsonNode body) {
    return users.create(UUID.randomUUID(), ResourceValidator.validate(CoreSchemas.USER_TYPE, request.connector().user(body)),
        request.audit());
  }

  Future<StoredResource> replaceUser(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    return users.replace(id, ResourceValidator.validate(CoreSchemas.USER_TYPE, request.connector().user(body)), ifMatch, request.audit())
        .map(user -> found(user, id));
  }

  Future<StoredResource> patchUser(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    List<PatchOperation> operations = PatchRequest.parse(request.connector().patch(ResourceKind.USER, body));
    Boolean active = PatchEngine.activeOnly(CoreSchemas.USER_TYPE, operations);
    if (active != null) {
      // a deactivation or reactivation (the bulk of an offboarding push): no read, one statement, batched
      return users.setActive(id, active, ifMatch, request.audit()).map(user -> found(user, id));
    }
    return users.patch(id, ifMatch,
            stored -> PatchEngine.apply(CoreSchemas.USER_TYPE, stored.doc(), operations).doc(), request.audit())
        .map(user -> found(user, id));
  }

  /** The user; with its groups when the projection shows them (same statement, no extra round trip). */
  Future<UserWithGroups> get(ScimRequest request, UUID id, boolean withGroups) {
    return users.get(request.connection().id(), id, withGroups).map(user -> {
      found(user == null ? null : user.user(), id);
      return user;
    });
  }

  /**
   * One page of the query's users, rendered and projected. {@code offset}/{@code limit} may differ from the
   * query's own: a search across resource types pages through users, then groups.
   */
  Future<ListResult> list(ScimRequest request, ListQuery query, int offset, int limit) {
    Projection projection = query.projection(CoreSchemas.USER_TYPE);
    ResourceQuery page = listing.pageQuery(request, query, offset, limit, projection.includes(GROUPS));
    return users.list(request.connection().id(), page).map(found -> listing.result(request, query, limit, found,
        user -> projection.apply(CoreSchemas.USER_TYPE, ScimRenderer.user(user, request.baseUrl()))));
  }

  private static Written written(StoredResource user) {
    return new Written(user.id(), user.version());
  }

  private static StoredResource found(StoredResource user, UUID id) {
    if (user == null) {
      throw notFound(id);
    }
    return user;
  }

  private static ScimException notFound(UUID id) {
    return ScimException.notFound("User '" + id + "' not found");
  }
}
