package io.scimgate.app.scim;

import static io.scimgate.app.http.Routes.async;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.resource.ScimMessages;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /.search} (RFC 7644 §3.4.3): one query over users and groups. Results list users first, then
 * groups; {@code startIndex}/{@code count} page through that sequence and {@code totalResults} is the sum. A
 * filter naming an attribute that only one resource type has simply matches nothing of the other type.
 */
final class RootSearchEndpoint {
  private final UserOperations users;
  private final GroupOperations groups;
  private final GatewayConfig config;

  RootSearchEndpoint(UserOperations users, GroupOperations groups, GatewayConfig config) {
    this.users = users;
    this.groups = groups;
    this.config = config;
  }

  void mount(Router router) {
    ScimRoutes.on(router).post("/.search").handler(async(this::search));
  }

  private Future<Void> search(RoutingContext ctx) {
    ScimRequest request = ScimRequest.of(ctx, config);
    ListQuery query = ListQuery.fromSearchBody(ctx, config, ResourceKind.USER);
    if (query.cursorPaging()) {
      throw ScimException.invalidValue("Cursor paging is per resource type: use /Users/.search or /Groups/.search");
    }
    List<ScimException> refusals = new ArrayList<>();
    Future<ListResult> userPage = orNone(() -> users.list(request, query, query.offset(), query.count()),
        refusals);
    return userPage.compose(first -> {
      int groupOffset = (int) Math.max(0, query.offset() - first.total());
      int groupLimit = query.count() - first.resources().size();
      return orNone(() -> groups.list(request, query, groupOffset, groupLimit), refusals).map(second -> {
        if (refusals.size() == 2) {
          throw refusals.get(0); // invalid for every resource type: the filter itself is wrong
        }
        List<ObjectNode> resources = new ArrayList<>(first.resources());
        resources.addAll(second.resources());
        return ScimMessages.listResponse(first.total() + second.total(), query.startIndex(), resources);
      });
    }).compose(body -> Responses.scim(ctx, 200, body));
  }

  /** The page, or an empty one when the query does not apply to this resource type (remembering why). */
  private static Future<ListResult> orNone(Supplier<Future<ListResult>> page,
      List<ScimException> refusals) {
    try {
      return page.get();
    } catch (ScimException e) {
      refusals.add(e);
      return Future.succeededFuture(ListResult.empty());
    }
  }
}
