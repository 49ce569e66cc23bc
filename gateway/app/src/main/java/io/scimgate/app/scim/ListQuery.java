package io.scimgate.app.scim;

import io.scimgate.app.config.GatewayConfig;
import io.scimgate.app.http.Params;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterParser;
import io.scimgate.scim.resource.Projection;
import io.scimgate.scim.schema.ResourceType;
import io.vertx.ext.web.RoutingContext;

/**
 * The query parameters of a SCIM list request (RFC 7644 §3.4.2). Out-of-range paging values are clamped
 * as §3.4.2.4 says: a {@code startIndex} below 1 is 1, a negative {@code count} is 0, a {@code count} above the
 * maximum page size is that maximum.
 *
 * @param filter {@code null} when there is none
 * @param sortBy {@code null} for the stable default order (creation, then id)
 */
record ListQuery(Filter filter, int startIndex, int count, Projection projection, String sortBy,
    boolean descending) {

  static ListQuery from(RoutingContext ctx, ResourceType type, GatewayConfig config) {
    String filterText = ctx.request().getParam("filter");
    Filter filter = filterText == null || filterText.isBlank() ? null : FilterParser.parse(filterText);
    Integer start = Params.intQuery(ctx, "startIndex");
    Integer count = Params.intQuery(ctx, "count");
    int startIndex = start == null || start < 1 ? 1 : start;
    int pageSize = count == null ? config.defaultPageSize() : Math.max(0, Math.min(count, config.maxPageSize()));
    return new ListQuery(filter, startIndex, pageSize, projection(ctx, type), ctx.request().getParam("sortBy"),
        descending(ctx.request().getParam("sortOrder")));
  }

  /** RFC 7644 §3.4.2.3: "ascending" (the default) or "descending". */
  private static boolean descending(String sortOrder) {
    if (sortOrder == null || sortOrder.isBlank() || sortOrder.strip().equalsIgnoreCase("ascending")) {
      return false;
    }
    if (sortOrder.strip().equalsIgnoreCase("descending")) {
      return true;
    }
    throw ScimException.invalidValue("sortOrder must be \"ascending\" or \"descending\"");
  }

  static Projection projection(RoutingContext ctx, ResourceType type) {
    return Projection.of(type, ctx.request().getParam("attributes"), ctx.request().getParam("excludedAttributes"));
  }

  int offset() {
    return startIndex - 1;
  }
}
