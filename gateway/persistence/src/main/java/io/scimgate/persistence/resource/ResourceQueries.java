package io.scimgate.persistence.resource;

import io.scimgate.persistence.Page;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.scimgate.persistence.query.ListStatements;
import io.scimgate.persistence.query.ResourceQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Runs the list statements shared by users and groups (a page plus the exact total), and deletes with memberships. */
final class ResourceQueries {
  private ResourceQueries() {}

  /**
   * Deletes one resource of a connection together with every membership row naming it as a member, and appends
   * the audit row, in one statement. {@code table} is a constant of the caller; {@code false} when it does not
   * exist, a 412 when {@code expectedVersion} is not its version.
   */
  static Future<Boolean> deleteWithMemberships(Pool pool, String table, String resourceType, UUID id,
      Long expectedVersion, AuditContext ctx) {
    String sql = "WITH del AS (DELETE FROM " + table + " WHERE id = $7 AND connection_id = $2"
        + " AND ($8::bigint IS NULL OR version = $8) RETURNING id),"
        + " memberships AS (DELETE FROM scim_group_members WHERE member_id IN (SELECT id FROM del)), "
        + AuditLog.auditCte("del") + " SELECT id FROM del";
    return pool.preparedQuery(sql)
        .execute(AuditLog.cteParams(ctx, "delete", resourceType).addValue(id).addValue(expectedVersion))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(true)
            : Versions.missingOrStale(pool, table, ctx.connectionId(), id, expectedVersion).map(none -> false));
  }

  /**
   * A page of {@code query} and the exact total of what its filter matches ({@link ListStatements}: its page
   * and count statements). Every order ends with the unique (created_at, id), so consecutive pages neither
   * overlap nor skip.
   *
   * <p>The page goes first, and when it is partial it says where the result ends: the total follows from it and
   * the {@code count(*)} is never sent. That is the lookup IdPs make before every write (a filter on userName or
   * externalId finding zero or one row): one statement instead of two. A full page still needs the count, sent
   * after it.
   */
  static <T> Future<Page<T>> page(Pool pool, ListStatements statements, ResourceQuery query,
      Function<Row, T> mapper) {
    Future<List<T>> items = query.limit() == 0 ? Future.succeededFuture(List.of())
        : pool.preparedQuery(statements.page().sql()).execute(statements.page().params())
            .map(rows -> {
              List<T> list = new ArrayList<>(rows.size());
              rows.forEach(row -> list.add(mapper.apply(row)));
              return list;
            });
    return items.compose(list -> {
      Long implied = totalImpliedByPage(query, list.size());
      Future<Long> total = implied != null ? Future.succeededFuture(implied)
          : pool.preparedQuery(statements.count().sql()).execute(statements.count().params())
              .map(rows -> rows.iterator().next().getLong(0));
      return total.map(count -> new Page<>(list, count));
    });
  }

  /**
   * The total a page proves, or null: a partial page that is not past the end ends the result, so everything
   * matching is the offset plus its rows. Not after a cursor's position, whose page leaves out the rows before it.
   */
  static Long totalImpliedByPage(ResourceQuery query, int rows) {
    boolean partial = rows < query.limit();
    boolean pastTheEnd = rows == 0 && query.offset() > 0;
    return query.after() == null && partial && !pastTheEnd ? (long) query.offset() + rows : null;
  }
}
