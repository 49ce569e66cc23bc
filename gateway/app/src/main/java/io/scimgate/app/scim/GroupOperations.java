package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.scim.resource.Projection;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.resource.GroupChange;
import io.scimgate.persistence.resource.GroupMember;
import io.scimgate.persistence.resource.ProductName;
import io.scimgate.persistence.resource.GroupRepository;
import io.scimgate.persistence.resource.StoredGroup;
import io.scimgate.scim.patch.MemberChanges;
import io.scimgate.scim.patch.PatchEngine;
import io.scimgate.scim.patch.PatchOperation;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.scim.patch.PatchResult;
import io.scimgate.scim.resource.ResourceValidator;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The writes on groups, independent of HTTP (the /Groups endpoints and /Bulk call them). Members live in the
 * membership table, not in the stored document; the product-side name is the connection's prefix + the IdP's
 * displayName.
 */
final class GroupOperations implements ResourceWrites {
  static final String MEMBERS = "members";

  private final GroupRepository groups;
  private final ResourceListing<StoredGroup> listing;

  GroupOperations(GroupRepository groups, Cursors cursors) {
    this.groups = groups;
    this.listing = new ResourceListing<>(cursors, "Groups", StoredGroup::resource);
  }

  @Override
  public String endpoint() {
    return "/Groups";
  }

  @Override
  public Future<Written> create(ScimRequest request, JsonNode body) {
    return createGroup(request, body).map(GroupOperations::written);
  }

  @Override
  public Future<Written> replace(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    return replaceGroup(request, id, body, ifMatch).map(GroupOperations::written);
  }

  @Override
  public Future<Written> patch(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    return patchGroup(request, id, body, ifMatch).map(GroupOperations::written);
  }

  @Override
  public Future<Void> delete(ScimRequest request, UUID id, Long ifMatch) {
    return groups.delete(id, ifMatch, request.audit()).map(deleted -> {
      if (!deleted) {
        throw notFound(id);
      }
      return null;
    });
  }

  /** Creates the group with its members; the answer holds no members (callers reload what they show). */
  Future<StoredGroup> createGroup(ScimRequest request, JsonNode body) {
    ObjectNode doc = ResourceValidator.validate(CoreSchemas.GROUP_TYPE, request.connector().group(body));
    List<UUID> members = takeMembers(doc);
    return groups.create(UUID.randomUUID(), doc, productName(request, doc), members == null ? List.of() : members,
        request.audit());
  }

  /** PUT: a body without {@code members} leaves membership untouched ({@code []} clears it). */
  Future<StoredGroup> replaceGroup(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    ObjectNode doc = ResourceValidator.validate(CoreSchemas.GROUP_TYPE, request.connector().group(body));
    List<UUID> members = takeMembers(doc);
    return groups.replace(id, doc, productName(request, doc), members, ifMatch, request.audit())
        .map(group -> found(group, id));
  }

  /** Membership-only PATCHes (the common case) take the one-statement path; the rest go through the engine. */
  Future<StoredGroup> patchGroup(ScimRequest request, UUID id, JsonNode body, Long ifMatch) {
    List<PatchOperation> operations = PatchRequest.parse(request.connector().patch(ResourceKind.GROUP, body));
    MemberChanges members = PatchEngine.membersOnly(CoreSchemas.GROUP_TYPE, operations);
    if (members != null && !members.replaceAll()) {
      return groups.patchMembers(id, ifMatch, members, request.audit()).map(group -> found(group, id));
    }
    return groups.patch(id, ifMatch, stored -> {
          PatchResult result = PatchEngine.apply(CoreSchemas.GROUP_TYPE, stored.resource().doc(), operations);
          return new GroupChange(result.doc(), productName(request, result.doc()), result.members());
        }, request.audit())
        .map(group -> found(group, id));
  }

  Future<StoredGroup> get(ScimRequest request, UUID id, boolean withMembers) {
    return groups.get(request.connection().id(), id, withMembers).map(group -> found(group, id));
  }

  /** Members of a group found by {@link #get}, by pages of {@code limit} following {@code after} (see the store). */
  Future<List<GroupMember>> members(UUID groupId, UUID after, int limit) {
    return groups.members(groupId, after, limit);
  }

  /** One page of the query's groups, rendered and projected; members are read only when shown. */
  Future<ListResult> list(ScimRequest request, ListQuery query, int offset, int limit) {
    Projection projection = query.projection(CoreSchemas.GROUP_TYPE);
    ResourceQuery page = listing.pageQuery(request, query, offset, limit, projection.includes(MEMBERS));
    return groups.list(request.connection().id(), page).map(found -> listing.result(request, query, limit, found,
        group -> projection.apply(CoreSchemas.GROUP_TYPE, ScimRenderer.group(group, request.baseUrl()))));
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

  /** The connector's product-side name, with the prefix it was made with (the store may swap it, see there). */
  private static ProductName productName(ScimRequest request, ObjectNode doc) {
    return new ProductName(request.connector().settings().groupPrefix(),
        request.connector().productGroupName(doc.path("displayName").asText()));
  }

  private static Written written(StoredGroup group) {
    return new Written(group.resource().id(), group.resource().version());
  }

  private static StoredGroup found(StoredGroup group, UUID id) {
    if (group == null) {
      throw notFound(id);
    }
    return group;
  }

  private static ScimException notFound(UUID id) {
    return ScimException.notFound("Group '" + id + "' not found");
  }
}
