package io.scimgate.invites.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.invites.PipelineObserver;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relay and the invite policy on their own, against a real PostgreSQL and without HTTP: SCIM rows written
 * straight into the tables (their triggers write the outbox, as every write path does), then drained.
 */
class OutboxRelayTest {
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;
  private static UUID tenant;
  private static UUID connection;
  private static UUID selected;

  @BeforeAll
  static void seed() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    tenant = UUID.randomUUID();
    connection = UUID.randomUUID();
    selected = UUID.randomUUID();
    db.sql("INSERT INTO tenants (id, name) VALUES ($1, 'Acme')", tenant);
    db.sql("INSERT INTO connections (id, tenant_id, vendor, name, group_prefix, status, token_generation,"
        + " token_fingerprint) VALUES ($1, $2, 'okta', 'Okta', 'Okta SCIM - ', 'enabled', 1, 'f')", connection, tenant);
    db.sql("INSERT INTO scim_groups (id, tenant_id, connection_id, display_name, product_name, doc, version, created_at,"
        + " modified_at) VALUES ($1, $2, $3, 'Staff', 'Okta SCIM - Staff', '{}', 1, now(), now())",
        selected, tenant, connection);
    db.sql("INSERT INTO auto_invite_settings (tenant_id, enabled) VALUES ($1, true)", tenant);
    db.sql("INSERT INTO auto_invite_groups (tenant_id, group_id) VALUES ($1, $2)", tenant, selected);
  }

  @Test
  void membersOfASelectedGroupAreInvitedOnceAndEveryEventGetsItsPositionInOrder() throws Exception {
    UUID ann = user("ann@acme.example", true);
    UUID bob = user("bob@acme.example", true);
    UUID cyd = user("cyd@acme.example", true);
    member(ann);
    member(bob);
    drain();
    assertThat(db.value("SELECT string_agg(email || '=' || status, ',' ORDER BY email) FROM personnel"
        + " WHERE email IN ('ann@acme.example', 'bob@acme.example', 'cyd@acme.example')"))
        .isEqualTo("ann@acme.example=invited,bob@acme.example=invited,cyd@acme.example=imported");
    assertThat(db.value("SELECT count(*) FROM invitations")).isEqualTo("2");
    assertThat(db.value("SELECT count(*) FROM deliveries WHERE id LIKE 'invite:%'")).isEqualTo("2");

    // the same members added again (an IdP re-pushing the group): nobody is invited twice
    db.sql("DELETE FROM scim_group_members WHERE member_id = $1", ann);
    member(ann);
    drain();
    assertThat(db.value("SELECT count(*) FROM invitations")).isEqualTo("2");
    assertPositionsAreOneToN();
    assertThat(cyd).isNotNull();
  }

  @Test
  void aDeactivatedUserIsDeprovisionedAndComesBackWhenReactivated() throws Exception {
    UUID dan = user("dan@acme.example", true);
    drain();
    db.sql("UPDATE scim_users SET active = false, doc = doc || '{\"active\":false}' WHERE id = $1", dan);
    drain();
    assertThat(db.value("SELECT status FROM personnel WHERE email = 'dan@acme.example'")).isEqualTo("deprovisioned");
    db.sql("UPDATE scim_users SET active = true, doc = doc || '{\"active\":true}' WHERE id = $1", dan);
    drain();
    assertThat(db.value("SELECT status FROM personnel WHERE email = 'dan@acme.example'")).isEqualTo("imported");
    assertThat(db.value("SELECT string_agg(h.status, ',' ORDER BY h.id) FROM personnel_history h JOIN personnel p"
        + " ON p.id = h.person_id WHERE p.email = 'dan@acme.example'")).isEqualTo("imported,deprovisioned,imported");
    assertPositionsAreOneToN();
  }

  private static void drain() throws Exception {
    OutboxRelay relay = new OutboxRelay(pool, PipelineObserver.NONE);
    for (int i = 0; i < 50 && relay.drainOnce().await(10, TimeUnit.SECONDS) > 0; i++) {
      // until nothing is left for this node
    }
    assertThat(db.value("SELECT count(*) FROM outbox_events WHERE processed_at IS NULL")).isEqualTo("0");
  }

  private static void assertPositionsAreOneToN() throws Exception {
    assertThat(db.value("SELECT count(*) = max(position) AND min(position) = 1 FROM outbox_events"
        + " WHERE tenant_id = $1", tenant)).isEqualTo("true");
  }

  private static UUID user(String email, boolean active) throws Exception {
    UUID id = UUID.randomUUID();
    db.sql("INSERT INTO scim_users (id, tenant_id, connection_id, user_name, active, emails_folded, doc, version,"
        + " created_at, modified_at) VALUES ($1, $2, $3, $4, $5, ARRAY[$4], jsonb_build_object('userName', $4::text,"
        + " 'active', $5::boolean, 'emails', jsonb_build_array(jsonb_build_object('value', $4::text, 'primary', true))),"
        + " 1, now(), now())", id, tenant, connection, email, active);
    return id;
  }

  private static void member(UUID user) throws Exception {
    db.sql("INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type) VALUES ($1, $2, $3, 'User')",
        tenant, selected, user);
  }
}
