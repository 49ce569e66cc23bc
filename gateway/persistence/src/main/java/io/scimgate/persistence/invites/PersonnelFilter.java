package io.scimgate.persistence.invites;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which of a tenant's people to list; every field is optional ({@code null}: any).
 *
 * @param groupId only members of this SCIM group (direct membership)
 */
public record PersonnelFilter(PersonnelStatus status, UUID groupId, UUID connectionId) {
  public static final PersonnelFilter ALL = new PersonnelFilter(null, null, null);

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
      conditions.add(bind("p.connection_id = $", connectionId, params));
    }
    if (groupId != null) {
      conditions.add(bind("EXISTS (SELECT 1 FROM scim_group_members m WHERE m.member_id = p.user_id"
          + " AND m.group_id = $", groupId, params) + ")");
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  private static String bind(String sqlEndingWithDollar, Object value, Tuple params) {
    params.addValue(value);
    return sqlEndingWithDollar + params.size();
  }
}
