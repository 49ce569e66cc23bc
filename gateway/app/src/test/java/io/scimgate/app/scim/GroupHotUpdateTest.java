package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A membership change bumps its group's version and modified_at without touching an indexed column, so PostgreSQL
 * updates the group row in place (HOT) instead of adding a row version to every index of scim_groups.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupHotUpdateTest {
  private static final int MEMBERS = 60;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("okta").scim();
  }

  @Test
  void membershipChangesAreHotUpdatesOfTheGroupRow() throws Exception {
    String group = scim.post("/Groups", "{\"displayName\":\"Storm\"}").json().get("id").asText();
    for (int i = 0; i < MEMBERS; i++) {
      String user = scim.post("/Users", "{\"userName\":\"storm" + i + "@example.com\"}").json().get("id").asText();
      assertThat(scim.patchOps("/Groups/" + group,
          "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}").status())
          .isIn(200, 204);
    }
    // the statistics arrive asynchronously: a pooled connection that stays idle reports its share up to 10 s later
    long[] updates = {0, 0};
    for (int i = 0; i < 150 && updates[0] < MEMBERS; i++) {
      Thread.sleep(100);
      String[] row = gateway.sql("SELECT n_tup_upd || ',' || n_tup_hot_upd FROM pg_stat_user_tables"
          + " WHERE relname = 'scim_groups'").split(",");
      updates = new long[] {Long.parseLong(row[0]), Long.parseLong(row[1])};
    }
    System.out.printf("scim_groups: %d updates, %d of them HOT%n", updates[0], updates[1]);
    assertThat(updates[0]).isGreaterThanOrEqualTo(MEMBERS / 2);
    assertThat(updates[1]).as("HOT updates of %d", updates[0]).isGreaterThanOrEqualTo(updates[0] * 9 / 10);
  }
}
