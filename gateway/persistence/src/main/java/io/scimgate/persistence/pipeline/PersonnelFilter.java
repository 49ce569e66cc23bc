package io.scimgate.persistence.pipeline;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which of a tenant's people to list; every field is optional ({@code null}: any).
 *
 * @param groupId      only people one of whose SCIM users is a member of this group (direct membership)
 * @param connectionId only people with a SCIM user of this connection
 * @param search       only people whose display name, userName or e-mail starts with this, ignoring case
 */
public record PersonnelFilter(PersonnelStatus status, UUID groupId, UUID connectionId, String search) {
  public static final PersonnelFilter ALL = new PersonnelFilter(null, null, null, null);

  /** Prefix ranges over the text_pattern_ops indexes of V009: byte order, so the range holds in any collation. */
  private static final List<String> SEARCHED = List.of("lower(p.display_name)", "lower(p.user_name)",
      "lower(p.email)");

  /**
   * Whether the filter picks out a subset the page order cannot find quickly (a search, a group): such pages
   * collect the matches first and order them after, so their cost follows the matches, not the tenant's size.
   */
  boolean narrows() {
    return search != null || groupId != null;
  }

  /**
   * The WHERE clause over {@code personnel p} for {@code tenantId}, with numbered parameters added to
   * {@code params} (values are never part of the SQL text).
   */
  String where(UUID tenantId, Tuple params) {
    List<String> conditions = new ArrayList<>();
    conditions.add(bind("p.tenant_id = $", tenantId, params));
    if (status != null) {
      conditions.add(bind("p.status = $", status.dbValue(), params));
    }
    if (connectionId != null) {
      // checked per person along the page order, like the status: a connection usually holds most of its tenant's
      // people, so the page fills after a few more rows (collecting all of its people first would not)
      conditions.add(bind("EXISTS (SELECT 1 FROM person_identities i WHERE i.person_id = p.id AND i.tenant_id = $",
          tenantId, params) + bind(" AND i.connection_id = $", connectionId, params) + ")");
    }
    if (groupId != null) {
      conditions.add(bind("p.id IN (SELECT i.person_id FROM scim_group_members m JOIN person_identities i"
          + " ON i.user_id = m.member_id WHERE m.group_id = $", groupId, params) + ")");
    }
    if (search != null) {
      conditions.add(searchCondition(params));
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  /**
   * {@code column ~>=~ prefix AND column ~<~ prefix || U+10FFFF} for each searched column: a prefix range an
   * index serves even in a generic plan (LIKE 'x%' needs the pattern as a constant). U+10FFFF is a
   * noncharacter, the last code point: only a name holding it right after the prefix would be missed.
   */
  private String searchCondition(Tuple params) {
    String prefix = bind("lower($", search, params) + "::text)";
    List<String> ranges = SEARCHED.stream()
        .map(column -> "(" + column + " ~>=~ " + prefix + " AND " + column + " ~<~ (" + prefix
            + " || chr(1114111)))")
        .toList();
    return "(" + String.join(" OR ", ranges) + ")";
  }

  private static String bind(String sqlEndingWithDollar, Object value, Tuple params) {
    params.addValue(value);
    return sqlEndingWithDollar + params.size();
  }
}
