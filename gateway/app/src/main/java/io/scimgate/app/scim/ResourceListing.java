package io.scimgate.app.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.Page;
import io.scimgate.persistence.query.Keyset;
import io.scimgate.persistence.resource.SqlCondition;
import io.scimgate.persistence.resource.StoredResource;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * Index and cursor paging over one resource type, shared by users and groups. Cursor pages fetch one row
 * more than asked, to know whether a next page exists without a second query.
 */
final class ResourceListing {
  private ResourceListing() {}

  /** What a repository list call needs: the keyset condition and the limit; it answers a page of T. */
  interface Query<T> {
    Future<Page<T>> run(SqlCondition after, int offset, int limit);
  }

  static <T> Future<ListResult> list(ListQuery query, int offset, int limit, int firstAfterParam, Cursors cursors,
      String queryKey, Query<T> repository, Function<T, StoredResource> stored, Function<T, ObjectNode> render) {
    if (!query.cursorPaging()) {
      return repository.run(SqlCondition.ALWAYS, offset, limit)
          .map(page -> new ListResult(page.items().stream().map(render).toList(), page.total(), null));
    }
    SqlCondition after = SqlCondition.ALWAYS;
    if (!query.cursor().isEmpty()) {
      Cursors.Position position = cursors.decode(query.cursor(), queryKey);
      after = Keyset.after(position.created(), position.id(), firstAfterParam);
    }
    return repository.run(after, 0, limit + 1).map(page -> {
      List<T> items = page.items();
      String next = null;
      if (items.size() > limit && limit > 0) {
        items = items.subList(0, limit);
        StoredResource last = stored.apply(items.get(items.size() - 1));
        next = cursors.encode(new Cursors.Position(last.created(), last.id()), queryKey);
      }
      return new ListResult(items.stream().limit(limit).map(render).toList(), page.total(), next);
    });
  }
}
