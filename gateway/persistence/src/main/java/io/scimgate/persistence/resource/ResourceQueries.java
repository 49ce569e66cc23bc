package io.scimgate.persistence.resource;

import io.scimgate.persistence.Page;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The list query shared by users and groups (a filtered page plus the exact total), and deletes with memberships. */
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
   * The page statement: {@code $1} connection, then the parameters of {@code where}, {@code after} (a cursor's
   * position, or ALWAYS) and {@code order}, then offset and limit.
   */
  static String pageSql(String table, String columns, SqlCondition where, SqlCondition after, SqlOrder order) {
    int next = where.params().size() + after.params().size() + order.params().size() + 2;
    return "SELECT " + columns + fromWhere(table, where) + " AND (" + after.sql() + ") ORDER BY " + order.sql()
        + " OFFSET $" + next + " LIMIT $" + (next + 1);
  }

  private static Tuple pageParams(List<Object> whereParams, SqlCondition after, SqlOrder order, int offset,
      int limit) {
    List<Object> all = new ArrayList<>(whereParams);
    all.addAll(after.params());
    all.addAll(order.params());
    all.add(offset);
    all.add(limit);
    return Tuple.from(all);
  }

  private static String fromWhere(String table, SqlCondition where) {
    return " FROM " + table + " WHERE connection_id = $1 AND (" + where.sql() + ")";
  }

  /**
   * A filtered page and the exact total of {@code where}. {@code where} uses placeholders from {@code $2} on
   * ({@code $1} is the connection), {@code after} and {@code order} the ones after it. Every order ends with the
   * unique (created_at, id), so consecutive pages neither overlap nor skip.
   *
   * <p>The page goes first, and when it is partial it says where the result ends: the total follows from it and
   * the {@code count(*)} is never sent. That is the lookup IdPs make before every write (a filter on userName or
   * externalId finding zero or one row): one statement instead of two. A full page still needs the count, sent
   * after it.
   */
  static <T> Future<Page<T>> page(Pool pool, String table, String columns, UUID connectionId, SqlCondition where,
      SqlCondition after, SqlOrder order, int offset, int limit, Function<Row, T> mapper) {
    List<Object> params = new ArrayList<>();
    params.add(connectionId);
    params.addAll(where.params());
    Future<List<T>> items = limit == 0 ? Future.succeededFuture(List.of())
        : pool.preparedQuery(pageSql(table, columns, where, after, order))
            .execute(pageParams(params, after, order, offset, limit))
            .map(rows -> {
              List<T> list = new ArrayList<>(rows.size());
              rows.forEach(row -> list.add(mapper.apply(row)));
              return list;
            });
    return items.compose(list -> {
      Long implied = totalImpliedByPage(after, offset, limit, list.size());
      Future<Long> total = implied != null ? Future.succeededFuture(implied)
          : pool.preparedQuery("SELECT count(*)" + fromWhere(table, where)).execute(Tuple.from(params))
              .map(rows -> rows.iterator().next().getLong(0));
      return total.map(count -> new Page<>(list, count));
    });
  }

  /**
   * The total a page proves, or null: a partial page that is not past the end ends the result, so everything
   * matching is the offset plus its rows. Not after a cursor, whose page leaves out the rows before it.
   */
  static Long totalImpliedByPage(SqlCondition after, int offset, int limit, int rows) {
    boolean partial = rows < limit;
    boolean pastTheEnd = rows == 0 && offset > 0;
    return after == SqlCondition.ALWAYS && partial && !pastTheEnd ? (long) offset + rows : null;
  }
}
