package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.http.Preconditions;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.bulk.BulkIds;
import io.scimgate.scim.bulk.BulkOperation;
import io.scimgate.scim.bulk.BulkRequest;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.resource.ScimMessages;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk request in progress. Operations run one at a time, in request order except that an operation
 * waits until the operations whose bulkIds it references have run (RFC 7644 §3.7.2). References that can
 * never resolve (circular, or to an operation that failed) answer 409 for that operation. After
 * {@code failOnErrors} errors the remaining operations are not run (§3.7.3).
 *
 * <p>Each step is scheduled on the event loop anew, so a thousand operations that fail at once do not nest a
 * thousand stack frames.
 */
final class BulkRun {
  private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);

  private final Context context;
  private final ScimRequest request;
  private final BulkRequest bulk;
  private final List<ResourceWrites> writes;
  private final LinkedList<BulkOperation> pending;
  private final Set<String> definedBulkIds = new HashSet<>();
  private final Map<String, String> created = new HashMap<>();
  private final Set<String> failedBulkIds = new HashSet<>();
  private final ObjectNode[] results;
  private final Promise<List<ObjectNode>> done = Promise.promise();
  private int errors;

  BulkRun(Context context, ScimRequest request, BulkRequest bulk, List<ResourceWrites> writes) {
    this.context = context;
    this.request = request;
    this.bulk = bulk;
    this.writes = writes;
    this.pending = new LinkedList<>(bulk.operations());
    this.results = new ObjectNode[bulk.operations().size()];
    bulk.operations().forEach(op -> {
      if (op.bulkId() != null) {
        definedBulkIds.add(op.bulkId());
      }
    });
  }

  Future<List<ObjectNode>> run() {
    context.runOnContext(start -> next());
    return done.future();
  }

  private void next() {
    if (pending.isEmpty() || (bulk.failOnErrors() > 0 && errors >= bulk.failOnErrors())) {
      List<ObjectNode> ran = new ArrayList<>();
      for (ObjectNode result : results) {
        if (result != null) {
          ran.add(result);
        }
      }
      done.complete(ran);
      return;
    }
    BulkOperation operation = nextRunnable();
    if (operation == null) {
      BulkOperation stuck = pending.removeFirst();
      fail(stuck, ScimException.of(409, null, "Circular bulkId references: " + stuck.references()));
      context.runOnContext(again -> next());
      return;
    }
    pending.remove(operation);
    Set<String> unresolvable = new HashSet<>(operation.references());
    unresolvable.removeAll(created.keySet());
    if (!unresolvable.isEmpty()) {
      fail(operation, ScimException.of(409, null, "bulkId reference(s) " + unresolvable
          + " cannot be resolved: no operation created them"));
      context.runOnContext(again -> next());
      return;
    }
    execute(operation).onComplete(outcome -> {
      if (outcome.succeeded()) {
        results[operation.index()] = outcome.result();
      } else {
        fail(operation, outcome.cause());
      }
      context.runOnContext(again -> next());
    });
  }

  /** The first pending operation whose references were all created, failed, or name nothing in the request. */
  private BulkOperation nextRunnable() {
    for (BulkOperation operation : pending) {
      boolean ready = operation.references().stream().allMatch(ref -> created.containsKey(ref)
          || failedBulkIds.contains(ref) || !definedBulkIds.contains(ref));
      if (ready) {
        return operation;
      }
    }
    return null;
  }

  private Future<ObjectNode> execute(BulkOperation operation) {
    try {
      String path = BulkIds.resolvePath(operation.path(), created);
      JsonNode data = BulkIds.resolveData(operation.data(), created);
      ResourceWrites target = target(path);
      Long ifMatch = Preconditions.ifMatch(operation.version());
      if (operation.method().equals("POST")) {
        if (!path.equalsIgnoreCase(target.endpoint())) {
          throw ScimException.invalidValue("POST goes to " + target.endpoint() + ", not " + path);
        }
        return target.create(request, data).map(written -> {
          created.put(operation.bulkId(), written.id().toString());
          return result(operation, 201, target, written);
        });
      }
      UUID id = id(path, target);
      return switch (operation.method()) {
        case "PUT" -> target.replace(request, id, data, ifMatch).map(w -> result(operation, 200, target, w));
        case "PATCH" -> target.patch(request, id, data, ifMatch).map(w -> result(operation, 200, target, w));
        default -> target.delete(request, id, ifMatch).map(none -> status(operation, 204));
      };
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The endpoint an operation's path names; its name in any case, as on the HTTP routes (see ScimRoutes). */
  private ResourceWrites target(String path) {
    for (ResourceWrites candidate : writes) {
      String endpoint = candidate.endpoint();
      if (path.regionMatches(true, 0, endpoint, 0, endpoint.length())
          && (path.length() == endpoint.length() || path.charAt(endpoint.length()) == '/')) {
        return candidate;
      }
    }
    throw ScimException.notFound("No resource endpoint at " + path);
  }

  private static UUID id(String path, ResourceWrites target) {
    String id = path.substring(Math.min(path.length(), target.endpoint().length() + 1));
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ScimException.notFound("No resource at " + path);
    }
  }

  private ObjectNode result(BulkOperation operation, int status, ResourceWrites target, ResourceWrites.Written w) {
    return status(operation, status).put("location", request.baseUrl() + target.endpoint() + "/" + w.id())
        .put("version", ScimRenderer.etag(w.version()));
  }

  private static ObjectNode status(BulkOperation operation, int status) {
    ObjectNode result = ScimJson.object().put("method", operation.method());
    if (operation.bulkId() != null) {
      result.put("bulkId", operation.bulkId());
    }
    return result.put("status", Integer.toString(status));
  }

  private void fail(BulkOperation operation, Throwable failure) {
    errors++;
    if (operation.bulkId() != null) {
      failedBulkIds.add(operation.bulkId());
    }
    ScimException error = failure instanceof ScimException scim ? scim : unexpected(failure);
    ObjectNode result = status(operation, error.status());
    result.set("response", ScimMessages.error(error));
    results[operation.index()] = result;
  }

  private ScimException unexpected(Throwable failure) {
    LOG.error("Unexpected failure in a bulk operation (request {})", request.audit().requestId(), failure);
    return ScimException.of(500, null, "Internal error; quote request id " + request.audit().requestId());
  }
}
