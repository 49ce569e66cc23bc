package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.UUID;

/** The writes of one resource type, as /Bulk dispatches them (RFC 7644 §3.7). */
interface ResourceWrites {
  /** {@code /Users} or {@code /Groups}. */
  String endpoint();

  Future<Written> create(ScimRequest request, JsonNode body);

  Future<Written> replace(ScimRequest request, UUID id, JsonNode body, Long ifMatch);

  Future<Written> patch(ScimRequest request, UUID id, JsonNode body, Long ifMatch);

  Future<Void> delete(ScimRequest request, UUID id, Long ifMatch);

  /** What a bulk response reports of a write: the resource's id and new version. */
  record Written(UUID id, long version) {}
}
