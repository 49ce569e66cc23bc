package io.scimgate.app.invites;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.ScimClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invite policy end to end, as stored: SCIM writes over HTTP, the outbox relay of the gateway, and the
 * personnel, invitations and deliveries it leaves. (Delivery itself is checked with a real SMTP server and
 * webhook receiver in the delivery tests.)
 */
class InvitePolicyTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();

  private record Tenant(ScimClient client, Http scim) {
    String id() {
      return client.tenantId();
    }
  }

  private static Tenant tenant() {
    ScimClient client = gateway.newConnection("okta");
    return new Tenant(client, client.scim());
  }

  private static String user(Tenant tenant, String name) {
    return tenant.scim().post("/Users", Fixtures.oktaUser(name + "-" + UUID.randomUUID() + "@example.com"))
        .json().get("id").asText();
  }

  private static String group(Tenant tenant, String name, String... members) {
    return tenant.scim().post("/Groups", Fixtures.group(name, members)).json().get("id").asText();
  }

  private static void autoInvite(Tenant tenant, boolean enabled, String... groups) throws Exception {
    gateway.sql("INSERT INTO auto_invite_settings (tenant_id, enabled) VALUES ($1::uuid, $2)"
        + " ON CONFLICT (tenant_id) DO UPDATE SET enabled = $2", tenant.id(), enabled);
    for (String group : groups) {
      gateway.sql("INSERT INTO auto_invite_groups (tenant_id, group_id) VALUES ($1::uuid, $2::uuid)"
          + " ON CONFLICT DO NOTHING", tenant.id(), group);
    }
  }

  /** The person SCIM user {@code $1} is. */
  private static final String PERSON_OF = "(SELECT person_id FROM person_identities WHERE user_id = $1::uuid)";

  private static String status(String userId) throws Exception {
    return gateway.sql("SELECT status FROM personnel WHERE id = " + PERSON_OF, userId);
  }

  private static String awaitStatus(String userId, String expected) throws Exception {
    String status = status(userId);
    for (int i = 0; i < 100 && !expected.equals(status); i++) {
      Thread.sleep(50);
      status = status(userId);
    }
    return status;
  }

  private static long count(String sql, Object... params) throws Exception {
    return Long.parseLong(gateway.sql(sql, params));
  }

  @Test
  void joiningASelectedGroupInvitesOnceWhateverTheNumberOfSelectedGroups() throws Exception {
    Tenant tenant = tenant();
    String a = group(tenant, "Contractors");
    String b = group(tenant, "Employees");
    autoInvite(tenant, true, a, b);
    String alice = user(tenant, "alice");
    assertThat(awaitStatus(alice, "imported")).isEqualTo("imported");
    tenant.scim().patchOps("/Groups/" + a, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice
        + "\"}]}");
    tenant.scim().patchOps("/Groups/" + b, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice
        + "\"}]}");
    assertThat(awaitStatus(alice, "invited")).isEqualTo("invited");
    Thread.sleep(300); // the second group's event must not invite again
    assertThat(count("SELECT count(*) FROM invitations WHERE person_id = " + PERSON_OF, alice)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM deliveries WHERE channel = 'email' AND data->>'personId' = "
        + PERSON_OF + "::text", alice)).isEqualTo(1);
  }

  @Test
  void noInviteWithTheToggleOffAndBackfillWhenItIsTurnedOn() throws Exception {
    Tenant tenant = tenant();
    String bob = user(tenant, "bob");
    String g = group(tenant, "Sales", bob);
    autoInvite(tenant, false, g);
    assertThat(awaitStatus(bob, "imported")).isEqualTo("imported");
    Thread.sleep(300);
    assertThat(status(bob)).isEqualTo("imported");
    autoInvite(tenant, true);
    gateway.sql("INSERT INTO outbox_events (tenant_id, type, data) VALUES ($1::uuid, 'invites.settings_changed',"
        + " jsonb_build_object('enabled', true, 'turnedOn', true, 'groupIds', jsonb_build_array($2::text),"
        + " 'addedGroupIds', '[]'::jsonb))", tenant.id(), g);
    assertThat(awaitStatus(bob, "invited")).isEqualTo("invited");
  }

  @Test
  void deactivationAndDeleteDeprovisionAndReactivationReinvites() throws Exception {
    Tenant tenant = tenant();
    String carol = user(tenant, "carol");
    String g = group(tenant, "Ops");
    autoInvite(tenant, true, g);
    tenant.scim().patchOps("/Groups/" + g, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + carol
        + "\"}]}");
    assertThat(awaitStatus(carol, "invited")).isEqualTo("invited");
    tenant.scim().patchOps("/Users/" + carol, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
    assertThat(awaitStatus(carol, "deprovisioned")).isEqualTo("deprovisioned");
    tenant.scim().patchOps("/Users/" + carol, "{\"op\":\"replace\",\"value\":{\"active\":true}}");
    assertThat(awaitStatus(carol, "invited")).as("never accepted: invited again").isEqualTo("invited");
    assertThat(count("SELECT count(*) FROM invitations WHERE person_id = " + PERSON_OF, carol)).isEqualTo(2);
    tenant.scim().delete("/Users/" + carol);
    assertThat(awaitStatus(carol, "deprovisioned")).isEqualTo("deprovisioned");
    assertThat(gateway.sql("SELECT string_agg(status, ',' ORDER BY id) FROM personnel_history"
        + " WHERE person_id = " + PERSON_OF, carol)).isEqualTo("imported,invited,deprovisioned,imported,invited,deprovisioned");
  }

  @Test
  void anEventThatCannotBeAppliedIsSetAsideAndTheTenantGoesOn() throws Exception {
    Tenant tenant = tenant();
    String g = group(tenant, "Poisoned");
    autoInvite(tenant, true, g);
    gateway.sql("INSERT INTO outbox_events (tenant_id, type, resource_id, data) VALUES ($1::uuid,"
        + " 'group.members_added', $2::uuid, '{\"members\":[{\"value\":\"not-a-uuid\",\"type\":\"User\"}]}')",
        tenant.id(), g);
    String erin = user(tenant, "erin");
    tenant.scim().patchOps("/Groups/" + g, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + erin
        + "\"}]}");
    assertThat(awaitStatus(erin, "invited")).isEqualTo("invited");
    assertThat(gateway.sql("SELECT failure FROM outbox_events WHERE tenant_id = $1::uuid AND failure IS NOT NULL",
        tenant.id())).contains("not-a-uuid");
  }

  @Test
  void readsNeverCreateEvents() throws Exception {
    Tenant tenant = tenant();
    String dave = user(tenant, "dave");
    long before = count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid", tenant.id());
    tenant.scim().get("/Users/" + dave);
    tenant.scim().get("/Users?filter=userName%20eq%20%22" + UUID.randomUUID() + "%22");
    tenant.scim().get("/Users/" + UUID.randomUUID());
    tenant.scim().get("/Groups");
    assertThat(count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid", tenant.id())).isEqualTo(before);
  }
}
