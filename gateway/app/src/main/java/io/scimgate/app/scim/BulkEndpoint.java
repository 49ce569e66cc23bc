package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.scim.bulk.BulkRequest;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

import static io.scimgate.app.http.Routes.async;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7): runs the operations one after another through the same writes as the
 * single-resource endpoints, resolving {@code bulkId} references, and answers 200 with one result per operation
 * that ran. Bulk is not atomic (RFC 7644 §3.7): each operation commits or fails on its own.
 */
final class BulkEndpoint {
  private final GatewayConfig config;
  private final List<ResourceWrites> writes;

  BulkEndpoint(GatewayConfig config, List<ResourceWrites> writes) {
    this.config = config;
    this.writes = writes;
  }

  void mount(Router router) {
    ScimRoutes.on(router).post("/Bulk").handler(async(this::bulk));
  }

  private Future<Void> bulk(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    BulkRequest bulk = BulkRequest.parse(Params.jsonBody(ctx), config.bulkMaxOperations());
    return new BulkRun(ctx.vertx().getOrCreateContext(), request, bulk, writes).run().compose(results -> {
      ObjectNode body = ScimJson.object();
      body.putArray("schemas").add(BulkRequest.RESPONSE_URN);
      ArrayNode operations = body.putArray("Operations");
      results.forEach(operations::add);
      return Responses.scim(ctx, 200, body);
    });
  }
}
