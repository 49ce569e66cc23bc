package io.scimgate.persistence.query;

import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * The two statements of a list of users or groups: the page, and the count of everything the filter matches.
 * The one owner of list SQL: the connection is {@code $1}, then the filter, the cursor's position, the sort and
 * the paging take their placeholders in that order from one {@link Placeholders}. The count uses the connection
 * and the filter only, which come first, so its parameters are the first ones of the page's. A filter or sort
 * the schema refuses is a {@code ScimException} (400), thrown here, before any statement is sent.
 */
public record ListStatements(Statement page, Statement count) {

  /** A statement's text with its bind parameters, built together so that placeholders and values agree. */
  public record Statement(String sql, Tuple params) {}

  /** {@code columns} is a constant of the caller: the select list of a user row. */
  public static ListStatements users(UUID connectionId, ResourceQuery query, String columns) {
    return build(Table.USERS, columns, connectionId, query);
  }

  /** {@code columns} is a constant of the caller: the select list of a group row. */
  public static ListStatements groups(UUID connectionId, ResourceQuery query, String columns) {
    return build(Table.GROUPS, columns, connectionId, query);
  }

  private enum Table { USERS, GROUPS }

  private static ListStatements build(Table table, String columns, UUID connectionId, ResourceQuery query) {
    Placeholders placeholders = new Placeholders();
    String connection = placeholders.bind(connectionId);
    String matching = table == Table.USERS
        ? " FROM scim_users WHERE connection_id = " + connection + " AND ("
            + FilterSql.users(query.filter(), placeholders) + ")"
        : " FROM scim_groups WHERE connection_id = " + connection + " AND ("
            + FilterSql.groups(query.filter(), placeholders) + ")";
    Tuple countParams = placeholders.boundSoFar();
    String after = query.after() == null ? "" : " AND " + Keyset.after(query.after(), placeholders);
    String order = table == Table.USERS ? SortSql.users(query.sortBy(), query.descending(), placeholders)
        : SortSql.groups(query.sortBy(), query.descending(), placeholders);
    String page = "SELECT " + columns + matching + after + " ORDER BY " + order
        + " OFFSET " + placeholders.bind(query.offset()) + " LIMIT " + placeholders.bind(query.limit());
    return new ListStatements(new Statement(page, placeholders.boundSoFar()),
        new Statement("SELECT count(*)" + matching, countParams));
  }
}
