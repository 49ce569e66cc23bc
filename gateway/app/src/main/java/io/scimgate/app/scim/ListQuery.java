package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.app.http.Params;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterParser;
import io.scimgate.scim.resource.Projection;
import io.scimgate.scim.schema.ResourceType;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A SCIM query: from the query string of a GET (RFC 7644 §3.4.2) or the body of a POST {@code .search}
 * (§3.4.3), with the same meaning. Out-of-range paging values are clamped as §3.4.2.4 says: a {@code startIndex}
 * below 1 is 1, a negative {@code count} is 0, a {@code count} above the maximum page size is that maximum.
 *
 * @param filter {@code null} when there is none
 * @param sortBy {@code null} for the stable default order (creation, then id)
 * @param cursor {@code null} for index paging; {@code ""} asks for the first page of cursor paging (RFC 9865)
 */
record ListQuery(Filter filter, String filterText, int startIndex, int count, String attributes,
    String excludedAttributes, String sortBy, boolean descending, String cursor) {
  static final String SEARCH_REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  /** From a GET's query string; the filter in the connection's dialect is normalised by its connector. */
  static ListQuery fromQuery(RoutingContext ctx, GatewayConfig config, ResourceKind kind) {
    return of(ScimRequest.connector(ctx).filter(kind, ctx.request().getParam("filter")), Params.intQuery(ctx, "startIndex"), Params.intQuery(ctx, "count"),
        ctx.request().getParam("attributes"), ctx.request().getParam("excludedAttributes"),
        ctx.request().getParam("sortBy"), ctx.request().getParam("sortOrder"), ctx.request().getParam("cursor"),
        config);
  }

  /** From the body of a POST .search; root searches normalise the filter as a user filter. */
  static ListQuery fromSearchBody(RoutingContext ctx, GatewayConfig config, ResourceKind kind) {
    JsonNode body = Params.jsonBody(ctx);
    if (body == null || !body.isObject()) {
      throw ScimException.invalidSyntax("A search request must be a JSON object (a SearchRequest message)");
    }
    JsonNode schemas = body.path("schemas");
    if (!schemas.isMissingNode() && !schemas.toString().contains(SEARCH_REQUEST_URN)) {
      throw ScimException.invalidValue("'schemas' must contain \"" + SEARCH_REQUEST_URN + "\"");
    }
    return of(ScimRequest.connector(ctx).filter(kind, text(body, "filter")), integer(body, "startIndex"), integer(body, "count"), list(body, "attributes"),
        list(body, "excludedAttributes"), text(body, "sortBy"), text(body, "sortOrder"), text(body, "cursor"),
        config);
  }

  private static ListQuery of(String filterText, Integer start, Integer count, String attributes, String excluded,
      String sortBy, String sortOrder, String cursor, GatewayConfig config) {
    Filter filter = filterText == null || filterText.isBlank() ? null : FilterParser.parse(filterText);
    if (cursor != null && start != null) {
      throw ScimException.invalidValue("Use either startIndex or cursor, not both");
    }
    if (cursor != null && blankToNull(sortBy) != null) {
      throw ScimException.invalidValue("Cursor paging follows the default order; leave out sortBy");
    }
    int startIndex = start == null || start < 1 ? 1 : start;
    int pageSize = count == null ? config.defaultPageSize() : Math.max(0, Math.min(count, config.maxPageSize()));
    return new ListQuery(filter, filterText == null ? "" : filterText.strip(), startIndex, pageSize, attributes,
        excluded, blankToNull(sortBy), descending(sortOrder), cursor == null ? null : cursor.strip());
  }

  boolean cursorPaging() {
    return cursor != null;
  }

  /** The projection of single-resource requests, from the query string. */
  static Projection projection(RoutingContext ctx, ResourceType type) {
    return Projection.of(type, ctx.request().getParam("attributes"), ctx.request().getParam("excludedAttributes"));
  }

  Projection projection(ResourceType type) {
    return Projection.of(type, attributes, excludedAttributes);
  }

  int offset() {
    return startIndex - 1;
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

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ScimException.invalidValue("'" + field + "' must be a string");
    }
    return value.asText();
  }

  private static Integer integer(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ScimException.invalidValue("'" + field + "' must be an integer");
    }
    return value.asInt();
  }

  /** {@code attributes} in a SearchRequest is an array of strings (a comma-separated string is taken too). */
  private static String list(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (!value.isArray()) {
      throw ScimException.invalidValue("'" + field + "' must be an array of attribute names");
    }
    List<String> names = new ArrayList<>();
    value.forEach(name -> names.add(name.asText()));
    return String.join(",", names);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
