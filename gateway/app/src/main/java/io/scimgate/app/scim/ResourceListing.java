package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.Page;
import io.scimgate.persistence.query.KeysetPosition;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.persistence.resource.StoredResource;
import java.util.List;
import java.util.function.Function;

/**
 * Index and cursor paging over one resource type, shared by users and groups: a SCIM query becomes the
 * repository's {@link ResourceQuery} (a cursor becomes the keyset position it holds), and the page the repository
 * answers becomes a {@link ListResult} (with the cursor of the next page). Cursor pages fetch one row more than
 * asked, to know whether a next page exists without a second query.
 *
 * @param resourceName the endpoint's resource ({@code Users}), part of what a cursor is bound to
 * @param stored       the stored resource of a page item, whose position the next cursor holds
 */
record ResourceListing<T>(Cursors cursors, String resourceName, Function<T, StoredResource> stored) {

  /**
   * The repository's query for one page of {@code query}. {@code offset}/{@code limit} may differ from the
   * query's own: a search across resource types pages through users, then groups. A cursor that this service did
   * not issue for this query is a 400 {@code invalidCursor}.
   */
  ResourceQuery pageQuery(ScimRequest request, ListQuery query, int offset, int limit, boolean withMemberships) {
    if (!query.cursorPaging()) {
      return new ResourceQuery(query.filter(), query.sortBy(), query.descending(), null, offset, limit,
          withMemberships);
    }
    KeysetPosition after = query.cursor().isEmpty() ? null : cursors.decode(query.cursor(), cursorKey(request, query));
    return new ResourceQuery(query.filter(), query.sortBy(), query.descending(), after, 0, limit + 1,
        withMemberships);
  }

  /** The page rendered; for cursor paging without the extra row, and with the next page's cursor if there is one. */
  ListResult result(ScimRequest request, ListQuery query, int limit, Page<T> page, Function<T, ObjectNode> render) {
    if (!query.cursorPaging()) {
      return new ListResult(page.items().stream().map(render).toList(), page.total(), null);
    }
    List<T> items = page.items();
    String next = null;
    if (items.size() > limit && limit > 0) {
      items = items.subList(0, limit);
      StoredResource last = stored.apply(items.get(items.size() - 1));
      next = cursors.encode(new KeysetPosition(last.created(), last.id()), cursorKey(request, query));
    }
    return new ListResult(items.stream().limit(limit).map(render).toList(), page.total(), next);
  }

  /** A cursor is valid only for the connection, resource type and filter it was issued for. */
  private String cursorKey(ScimRequest request, ListQuery query) {
    return request.connection().id() + "|" + resourceName + "|" + query.filterText();
  }
}
