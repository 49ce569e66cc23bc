package io.scimgate.app.admin;

import static io.scimgate.app.support.AdminAssertions.assertAdminError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.scim.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /admin/v1/tenants/{id}/auto-invites}: defaults, replacement of toggle and groups in one transaction
 * with the {@code invites.settings_changed} outbox event the relay backfills from, and refusals.
 */
class AutoInviteAdminTest {
  private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
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

  @Test
  void previewCountsExactlyWhomTheSaveThenInvites() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String ann = user(client, "ann@acme.example", true);
    String bob = user(client, "bob@acme.example", true);
    String cid = user(client, "cid@acme.example", true);
    String gone = user(client, "gone@acme.example", false);
    String dee = user(client, "dee@acme.example", true);
    String sales = group(client, "Sales", ann, bob, cid, gone);
    String engineering = group(client, "Engineering", cid, dee);
    awaitRelay(client);

    assertThat(preview(client, false, sales, engineering)).isZero();
    assertThat(preview(client, true)).isZero();
    assertThat(preview(client, true, engineering)).isEqualTo(2);
    // saving {Sales} invites its active members only; the preview said so
    assertPreviewThenSave(client, sales, List.of(ann, bob, cid), 3);
    // adding Engineering backfills it alone; cid is invited already
    assertPreviewThenSave(client, sales + "," + engineering, List.of(ann, bob, cid, dee), 1);
    assertThat(preview(client, true, sales, engineering)).as("nothing new selected").isZero();

    put(client, false, sales, engineering);
    String eve = user(client, "eve@acme.example", true);
    assertThat(client.scim().patchOps("/Groups/" + engineering,
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + eve + "\"}]}").status())
        .isIn(200, 204);
    awaitRelay(client);
    assertThat(status(eve)).as("toggle off").isEqualTo("imported");
    // turning the toggle back on backfills every selected group
    assertPreviewThenSave(client, sales + "," + engineering, List.of(ann, bob, cid, dee, eve), 1);
    assertThat(status(gone)).isEqualTo("deprovisioned");
  }

  @Test
  void previewValidatesLikeTheSaveAndWritesNothing() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String ann = user(client, "ann@acme.example", true);
    String sales = group(client, "Sales", ann);
    String theirs = group(gateway.newConnection("okta"), "Sales");
    awaitRelay(client);
    long audit = count("SELECT count(*) FROM audit_log WHERE tenant_id = $1", client);
    long events = count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1", client);

    assertThat(preview(client, true, sales, sales)).isEqualTo(1);
    String detail = assertAdminError(admin.post(path(client) + "/preview", body(true, sales, theirs)), 400,
        "invalidValue");
    assertThat(detail).contains(theirs).doesNotContain(sales);
    assertThat(assertAdminError(admin.post(path(client) + "/preview", body(false, "nope")), 400, "invalidValue"))
        .contains("nope");
    assertAdminError(admin.post(path(client) + "/preview", "{\"groupIds\":[]}"), 400, "invalidValue");
    assertAdminError(admin.post(path(client) + "/preview", "{\"enabled\":true}"), 400, "invalidValue");
    assertAdminError(admin.post(path(client) + "/preview", null), 400, "invalidSyntax");
    assertAdminError(admin.post("/admin/v1/tenants/" + UNKNOWN + "/auto-invites/preview", body(true)), 404,
        "Not Found");

    JsonNode settings = admin.get(path(client)).json();
    assertThat(settings.get("enabled").asBoolean()).isFalse();
    assertThat(settings.get("groups")).isEmpty();
    assertThat(count("SELECT count(*) FROM audit_log WHERE tenant_id = $1", client)).isEqualTo(audit);
    assertThat(count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1", client)).isEqualTo(events);
    assertThat(count("SELECT count(*) FROM auto_invite_settings WHERE tenant_id = $1", client)).isZero();
    assertThat(status(ann)).isEqualTo("imported");
  }

  @Test
  void theGroupPickerSearchesProductNamesAndCountsMembers() {
    ScimClient client = gateway.newConnection("okta");
    String ann = user(client, "ann@acme.example", true);
    String bob = user(client, "bob@acme.example", true);
    String contractors = group(client, "Contractors", ann, bob);
    String sales = group(client, "Sales", ann);
    String nested = group(client, "Contract Admins", contractors);
    String base = "/admin/v1/tenants/" + client.tenantId() + "/groups";

    JsonNode all = groups(base);
    assertThat(all.get("total").asLong()).isEqualTo(3);
    assertThat(itemIds(all.get("items"))).containsExactly(contractors, sales, nested);
    JsonNode first = all.get("items").get(0);
    assertThat(first.get("name").asText()).isEqualTo("Okta SCIM - Contractors");
    assertThat(first.get("displayName").asText()).isEqualTo("Contractors");
    assertThat(first.get("memberCount").asLong()).isEqualTo(2);
    assertThat(all.get("items").get(1).get("memberCount").asLong()).isEqualTo(1);
    assertThat(all.get("items").get(2).get("memberCount").asLong()).as("nested groups are not people").isZero();

    assertThat(itemIds(groups(base + "?q=CONTRACT").get("items"))).containsExactly(contractors, nested);
    assertThat(itemIds(groups(base + "?q=ract%20adm").get("items"))).containsExactly(nested);
    assertThat(itemIds(groups(base + "?q=okta%20scim%20-%20s").get("items"))).containsExactly(sales);
    assertThat(groups(base + "?q=azure").get("items")).isEmpty();
    JsonNode paged = groups(base + "?q=okta&offset=1&limit=1");
    assertThat(itemIds(paged.get("items"))).containsExactly(sales);
    assertThat(paged.get("total").asLong()).isEqualTo(3);
    assertThat(groups(base + "?q=%25").get("total").asLong()).as("no wildcards").isZero();
    assertThat(groups("/admin/v1/tenants/" + gateway.newConnection("okta").tenantId() + "/groups?q=contract")
        .get("total").asLong()).isZero();
    assertAdminError(admin.get(base + "?q=" + "x".repeat(201)), 400, "invalidValue");
  }

  /** The preview of {@code groupIds} (comma-separated) with the toggle on, then the save and its invitations. */
  private static void assertPreviewThenSave(ScimClient client, String groupIds, List<String> invitedAfter,
      long expected) throws Exception {
    String[] ids = groupIds.split(",");
    long invitedBefore = invitedCount(client);
    long willInvite = preview(client, true, ids);
    assertThat(willInvite).isEqualTo(expected);
    put(client, true, ids);
    awaitRelay(client);
    assertThat(invitedCount(client) - invitedBefore).as("invited by the save").isEqualTo(willInvite);
    for (String userId : invitedAfter) {
      assertThat(status(userId)).isEqualTo("invited");
    }
  }

  private static long preview(ScimClient client, boolean enabled, String... groupIds) {
    Reply reply = admin.post(path(client) + "/preview", body(enabled, groupIds));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().size()).isEqualTo(1);
    return reply.json().get("willInvite").asLong();
  }

  private static JsonNode groups(String path) {
    Reply reply = admin.get(path);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> itemIds(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static String user(ScimClient client, String userName, boolean active) {
    Reply created = client.scim().post("/Users", Fixtures.oktaUser(userName)
        .replace("\"active\":true", "\"active\":" + active));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static long invitedCount(ScimClient client) throws Exception {
    return count("SELECT count(*) FROM invitations WHERE tenant_id = $1", client);
  }

  private static String status(String userId) throws Exception {
    return gateway.sql("SELECT p.status FROM personnel p JOIN person_identities i ON i.person_id = p.id"
        + " WHERE i.user_id = $1", UUID.fromString(userId));
  }

  /** Waits until the relay has applied every event of the tenant (the preview and the save read its work). */
  private static void awaitRelay(ScimClient client) throws Exception {
    for (int i = 0; i < 200 && count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1"
        + " AND processed_at IS NULL", client) > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(count("SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND processed_at IS NULL", client))
        .as("relay caught up").isZero();
  }

  private static String path(ScimClient client) {
    return "/admin/v1/tenants/" + client.tenantId() + "/auto-invites";
  }

  private static String group(ScimClient client, String name, String... memberIds) {
    Reply created = client.scim().post("/Groups", Fixtures.group(name, memberIds));
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
