package io.scimgate.app.admin;

import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import io.scimgate.scim.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/v1/tenants/{id}/auto-invites}: defaults, replacement of toggle and groups in one transaction
 * with the {@code invites.settings_changed} outbox event the relay backfills from, and refusals.
 */
class AutoInviteAdminTest {
  private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

  private static TestGateway gateway;
  private static Http admin;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    admin = gateway.admin();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void defaultsAreDisabledWithNoGroups() {
    ScimClient client = gateway.newConnection("okta");
    Reply reply = admin.get(path(client));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("enabled").asBoolean()).isFalse();
    assertThat(reply.json().get("groups")).isEmpty();
  }

  @Test
  void replacingSelectsGroupsWithTheirProductNamesAndTellsTheRelay() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String engineering = group(client, "Engineering");
    String sales = group(client, "Sales");
    String support = group(client, "Support");

    JsonNode first = put(client, true, engineering, sales);
    assertThat(first.get("enabled").asBoolean()).isTrue();
    assertThat(first.get("groups")).hasSize(2);
    JsonNode shown = first.get("groups").get(0);
    assertThat(shown.get("id").asText()).isEqualTo(engineering);
    assertThat(shown.get("name").asText()).isEqualTo("Okta SCIM - Engineering");
    assertThat(shown.get("displayName").asText()).isEqualTo("Engineering");
    assertThat(admin.get(path(client)).json()).isEqualTo(first);
    assertEvent(lastEvent(client), true, List.of(engineering, sales), List.of(engineering, sales), true);

    // one group swapped: only the new one is "added"; the toggle stayed on
    assertThat(ids(put(client, true, sales, support))).containsExactly(sales, support);
    assertEvent(lastEvent(client), true, List.of(sales, support), List.of(support), false);

    put(client, false, sales, support);
    assertEvent(lastEvent(client), false, List.of(sales, support), List.of(), false);
    // turned back on: the relay backfills every selected group
    put(client, true, sales, support);
    assertEvent(lastEvent(client), true, List.of(sales, support), List.of(), true);

    assertThat(ids(put(client, true))).isEmpty();
    assertEvent(lastEvent(client), true, List.of(), List.of(), false);
    assertThat(count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1"
        + " AND type = 'invites.settings_changed'", client)).isEqualTo(5);
    assertThat(count("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'auto_invites_update'"
        + " AND resource_type = 'AutoInvites' AND actor = 'admin:test-operator'", client)).isEqualTo(5);
  }

  @Test
  void duplicateIdsCountOnce() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String engineering = group(client, "Engineering");
    assertThat(ids(put(client, true, engineering, engineering))).containsExactly(engineering);
    assertEvent(lastEvent(client), true, List.of(engineering), List.of(engineering), true);
  }

  @Test
  void groupsOfOtherTenantsUnknownAndMalformedIdsAre400AndNothingIsWritten() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String mine = group(client, "Engineering");
    String theirs = group(gateway.newConnection("okta"), "Engineering");
    String random = UUID.randomUUID().toString();

    String detail = assertAdminError(admin.put(path(client), body(true, mine, theirs, random)), 400,
        "invalidValue");
    assertThat(detail).contains(theirs, random).doesNotContain(mine);
    assertThat(assertAdminError(admin.put(path(client), body(true, mine, "not-a-group")), 400, "invalidValue"))
        .contains("not-a-group");

    JsonNode settings = admin.get(path(client)).json();
    assertThat(settings.get("enabled").asBoolean()).isFalse();
    assertThat(settings.get("groups")).isEmpty();
    assertThat(count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1"
        + " AND type = 'invites.settings_changed'", client)).isZero();
    assertThat(count("SELECT count(*) FROM auto_invite_groups WHERE tenant_id = $1", client)).isZero();
    assertThat(count("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'auto_invites_update'",
        client)).isZero();
  }

  @Test
  void malformedBodiesAre400AndUnknownTenants404() {
    ScimClient client = gateway.newConnection("okta");
    assertAdminError(admin.put(path(client), "{\"groupIds\":[]}"), 400, "invalidValue");
    assertAdminError(admin.put(path(client), "{\"enabled\":\"yes\",\"groupIds\":[]}"), 400, "invalidValue");
    assertAdminError(admin.put(path(client), "{\"enabled\":true}"), 400, "invalidValue");
    assertAdminError(admin.put(path(client), "{\"enabled\":true,\"groupIds\":\"x\"}"), 400, "invalidValue");
    assertAdminError(admin.put(path(client), "{\"enabled\":true,\"groupIds\":[42]}"), 400, "invalidValue");
    assertAdminError(admin.put(path(client), "{\"enabled\":"), 400, "invalidSyntax");
    assertAdminError(admin.get("/admin/v1/tenants/" + UNKNOWN + "/auto-invites"), 404, "Not Found");
    assertAdminError(admin.put("/admin/v1/tenants/" + UNKNOWN + "/auto-invites", body(true)), 404, "Not Found");
    assertAdminError(gateway.anonymous().get(path(client)), 401, "Unauthorized");
  }

  @Test
  void aGroupDeletedInTheIdpLeavesTheSelection() {
    ScimClient client = gateway.newConnection("okta");
    String engineering = group(client, "Engineering");
    String sales = group(client, "Sales");
    put(client, true, engineering, sales);
    assertThat(client.scim().delete("/Groups/" + sales).status()).isEqualTo(204);
    assertThat(ids(admin.get(path(client)).json())).containsExactly(engineering);
  }

  private static String path(ScimClient client) {
    return "/admin/v1/tenants/" + client.tenantId() + "/auto-invites";
  }

  private static String group(ScimClient client, String name) {
    Reply created = client.scim().post("/Groups", Fixtures.group(name));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static String body(boolean enabled, String... groupIds) {
    List<String> quoted = new ArrayList<>();
    for (String id : groupIds) {
      quoted.add("\"" + id + "\"");
    }
    return "{\"enabled\":" + enabled + ",\"groupIds\":[" + String.join(",", quoted) + "]}";
  }

  private static JsonNode put(ScimClient client, boolean enabled, String... groupIds) {
    Reply reply = admin.put(path(client), body(enabled, groupIds));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("enabled").asBoolean()).isEqualTo(enabled);
    return reply.json();
  }

  private static List<String> ids(JsonNode settings) {
    List<String> ids = new ArrayList<>();
    settings.get("groups").forEach(group -> ids.add(group.get("id").asText()));
    return ids;
  }

  private static JsonNode lastEvent(ScimClient client) throws Exception {
    return ScimJson.parse(gateway.sql("SELECT data::text FROM outbox_events WHERE tenant_id = $1"
        + " AND type = 'invites.settings_changed' ORDER BY id DESC LIMIT 1", UUID.fromString(client.tenantId())));
  }

  private static void assertEvent(JsonNode data, boolean enabled, List<String> groupIds, List<String> added,
      boolean turnedOn) {
    assertThat(data.get("enabled").asBoolean()).isEqualTo(enabled);
    assertThat(texts(data.get("groupIds"))).containsExactlyElementsOf(groupIds);
    assertThat(texts(data.get("addedGroupIds"))).containsExactlyElementsOf(added);
    assertThat(data.get("turnedOn").asBoolean()).isEqualTo(turnedOn);
    assertThat(data.size()).isEqualTo(4);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  private static long count(String sql, ScimClient client) throws Exception {
    return Long.parseLong(gateway.sql(sql, UUID.fromString(client.tenantId())));
  }
}
