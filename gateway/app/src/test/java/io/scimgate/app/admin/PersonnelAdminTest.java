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
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /admin/v1/tenants/{id}/personnel}: listing with filters and paging, one person with identities and
 * history, and accepting an invitation. The people the relay made of the real SCIM users are then replaced by
 * people with fixed statuses and times (each with one identity, the person's id being the user's), so that
 * filters and order have known answers.
 */
class PersonnelAdminTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-03-01T09:00:00Z");

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http admin;
  private static ScimClient client;
  /** Created in this order: imported (in Sales), invited (in Sales), deprovisioned, active (other connection). */
  private static List<String> people;
  private static String sales;
  private static String otherConnection;

  @BeforeAll
  static void setUp() throws Exception {
    admin = gateway.admin();
    client = gateway.newConnection("okta");
    people = new ArrayList<>();
    for (String name : List.of("ann", "bob", "cid", "dee")) {
      people.add(client.scim().post("/Users", Fixtures.oktaUser(name + "@okta.local")).json().get("id").asText());
    }
    sales = client.scim().post("/Groups", Fixtures.group("Sales", people.get(0), people.get(1))).json()
        .get("id").asText();
    otherConnection = UUID.randomUUID().toString();
    awaitRelay(client.tenantId());
    gateway.sql("DELETE FROM personnel WHERE tenant_id = $1", UUID.fromString(client.tenantId()));
    insertPerson(client.tenantId(), client.connectionId(), people.get(0), "ann@okta.local", "imported", 0);
    insertPerson(client.tenantId(), client.connectionId(), people.get(1), "bob@okta.local", "invited", 1);
    insertPerson(client.tenantId(), client.connectionId(), people.get(2), "cid@okta.local", "deprovisioned", 2);
    insertPerson(client.tenantId(), otherConnection, people.get(3), "dee@okta.local", "active", 3);
    history(people.get(1), "imported", "created by SCIM", 1);
    history(people.get(1), "invited", "member of an auto-invite group", 2);
  }

  @Test
  void listsEveryoneInCreationOrderWithTheTotal() {
    JsonNode page = list("");
    assertThat(page.get("total").asLong()).isEqualTo(4);
    assertThat(personIds(page)).containsExactlyElementsOf(people);
    JsonNode bob = page.get("items").get(1);
    List<String> fields = new ArrayList<>();
    bob.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "userName", "displayName", "email", "status", "invitedAt",
        "acceptedAt", "deprovisionedAt", "createdAt", "updatedAt", "identities");
    JsonNode identity = bob.get("identities").get(0);
    assertThat(bob.get("identities")).hasSize(1);
    assertThat(identity.get("userId").asText()).isEqualTo(people.get(1));
    assertThat(identity.get("connectionId").asText()).isEqualTo(client.connectionId());
    assertThat(identity.get("userName").asText()).isEqualTo("bob@okta.local");
    assertThat(identity.get("active").asBoolean()).isTrue();
    assertThat(bob.get("userName").asText()).isEqualTo("bob@okta.local");
    assertThat(bob.get("displayName").asText()).isEqualTo("Display bob@okta.local");
    assertThat(bob.get("email").asText()).isEqualTo("bob@okta.local");
    assertThat(bob.get("status").asText()).isEqualTo("invited");
    assertThat(bob.get("invitedAt").asText()).isEqualTo("2024-03-01T10:00:00Z");
    assertThat(bob.get("acceptedAt").isNull()).isTrue();
    assertThat(bob.get("createdAt").asText()).isEqualTo("2024-03-01T10:00:00Z");
    assertThat(page.get("items").get(2).get("deprovisionedAt").asText()).isEqualTo("2024-03-01T11:00:00Z");
  }

  @Test
  void filtersCombineAndPagesDoNotOverlap() {
    assertThat(personIds(list("?status=invited"))).containsExactly(people.get(1));
    assertThat(personIds(list("?groupId=" + sales))).containsExactly(people.get(0), people.get(1));
    assertThat(personIds(list("?groupId=" + sales + "&status=imported"))).containsExactly(people.get(0));
    assertThat(personIds(list("?connectionId=" + otherConnection))).containsExactly(people.get(3));
    assertThat(personIds(list("?connectionId=" + client.connectionId() + "&status=active"))).isEmpty();
    assertThat(personIds(list("?groupId=" + UUID.randomUUID()))).isEmpty();
    JsonNode page = list("?offset=1&limit=2");
    assertThat(page.get("total").asLong()).isEqualTo(4);
    assertThat(personIds(page)).containsExactly(people.get(1), people.get(2));
    JsonNode filtered = list("?groupId=" + sales + "&offset=1&limit=1");
    assertThat(filtered.get("total").asLong()).isEqualTo(2);
    assertThat(personIds(filtered)).containsExactly(people.get(1));
  }

  @Test
  void badQueryParametersAre400() {
    String base = "/admin/v1/tenants/" + client.tenantId() + "/personnel";
    assertThat(assertAdminError(admin.get(base + "?status=pending"), 400, "invalidValue"))
        .contains("imported", "invited", "active", "deprovisioned");
    assertAdminError(admin.get(base + "?status=INVITED"), 400, "invalidValue");
    assertAdminError(admin.get(base + "?groupId=sales"), 400, "invalidValue");
    assertAdminError(admin.get(base + "?connectionId=1"), 400, "invalidValue");
    assertAdminError(admin.get(base + "?limit=1001"), 400, "invalidValue");
    assertAdminError(admin.get(base + "?limit=0"), 400, "invalidValue");
    assertAdminError(admin.get(base + "?offset=-1"), 400, "invalidValue");
    assertAdminError(admin.get("/admin/v1/tenants/" + UUID.randomUUID() + "/personnel"), 404, "Not Found");
  }

  @Test
  void onePersonComesWithTheirHistoryOldestFirst() {
    Reply reply = admin.get(personPath(client.tenantId(), people.get(1)));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode person = reply.json();
    assertThat(person.get("userName").asText()).isEqualTo("bob@okta.local");
    JsonNode history = person.get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("status").asText()).isEqualTo("imported");
    assertThat(history.get(0).get("reason").asText()).isEqualTo("created by SCIM");
    assertThat(history.get(0).get("at").asText()).isEqualTo("2024-03-01T10:00:00Z");
    assertThat(history.get(1).get("status").asText()).isEqualTo("invited");
    assertThat(admin.get(personPath(client.tenantId(), people.get(0))).json().get("history")).isEmpty();
  }

  @Test
  void unknownPeopleAndOtherTenantsPeopleAre404() {
    ScimClient stranger = gateway.newConnection("okta");
    assertAdminError(admin.get(personPath(client.tenantId(), UUID.randomUUID().toString())), 404, "Not Found");
    assertAdminError(admin.get(personPath(client.tenantId(), "nope")), 404, "Not Found");
    assertAdminError(admin.get(personPath(stranger.tenantId(), people.get(1))), 404, "Not Found");
    assertAdminError(admin.post(personPath(stranger.tenantId(), people.get(1)) + "/accept", null), 404,
        "Not Found");
    assertAdminError(admin.get(personPath(UUID.randomUUID().toString(), people.get(1))), 404, "Not Found");
  }

  @Test
  void acceptingAnInvitationActivatesWithHistoryOutboxEventAndAudit() throws Exception {
    String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Initech\"}").json().get("id").asText();
    String connection = UUID.randomUUID().toString();
    String invited = UUID.randomUUID().toString();
    String imported = UUID.randomUUID().toString();
    insertPerson(tenant, connection, invited, "joe@initech.local", "invited", 0);
    insertPerson(tenant, connection, imported, "sue@initech.local", "imported", 1);

    Reply accepted = admin.post(personPath(tenant, invited) + "/accept", null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("status").asText()).isEqualTo("active");
    assertThat(accepted.json().get("acceptedAt").asText()).isNotBlank();
    assertThat(accepted.json().get("updatedAt").asText()).isNotEqualTo("2024-03-01T09:00:00Z");
    JsonNode history = admin.get(personPath(tenant, invited)).json().get("history");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("status").asText()).isEqualTo("active");
    assertThat(history.get(0).get("reason").asText()).isEqualTo("invitation accepted");

    JsonNode event = ScimJson.parse(gateway.sql("SELECT data::text FROM outbox_events WHERE tenant_id = $1"
        + " AND type = 'personnel.accepted' AND resource_id = $2 AND connection_id IS NULL", UUID.fromString(tenant),
        UUID.fromString(invited)));
    assertThat(event.get("personId").asText()).isEqualTo(invited);
    assertThat(event.size()).isEqualTo(1);
    assertThat(gateway.sql("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'personnel_accept'"
        + " AND resource_id = $2", UUID.fromString(tenant), invited)).isEqualTo("1");

    assertThat(assertAdminError(admin.post(personPath(tenant, invited) + "/accept", null), 409, "Conflict"))
        .contains("active");
    assertThat(assertAdminError(admin.post(personPath(tenant, imported) + "/accept", null), 409, "Conflict"))
        .contains("imported");
    assertAdminError(admin.post(personPath(tenant, UUID.randomUUID().toString()) + "/accept", null), 404,
        "Not Found");
    assertThat(gateway.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = $1 AND type = 'personnel.accepted'",
        UUID.fromString(tenant))).isEqualTo("1");
    assertThat(gateway.sql("SELECT status FROM personnel WHERE id = $1", UUID.fromString(imported)))
        .isEqualTo("imported");
  }

  @Test
  void searchFindsPeopleByTheStartOfTheirNameUserNameOrEmailIgnoringCase() throws Exception {
    String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Globex\"}").json().get("id").asText();
    String connection = UUID.randomUUID().toString();
    String jane = insertNamed(tenant, connection, "jdoe", "Jane Doe", "JD@globex.example", "imported", 0);
    String john = insertNamed(tenant, connection, "john.smith", "John Smith", "smith@globex.example", "invited", 1);
    String ann = insertNamed(tenant, UUID.randomUUID().toString(), "ann", "Ann Jones", null, "imported", 2);

    assertThat(personIds(list(tenant, "?q=jane"))).containsExactly(jane);
    assertThat(personIds(list(tenant, "?q=JD%40GLOBEX"))).containsExactly(jane);
    assertThat(personIds(list(tenant, "?q=john.s"))).containsExactly(john);
    assertThat(personIds(list(tenant, "?q=smith"))).as("e-mail prefix").containsExactly(john);
    assertThat(personIds(list(tenant, "?q=j"))).containsExactly(jane, john);
    assertThat(personIds(list(tenant, "?q=jones"))).as("a prefix, not a substring").isEmpty();
    assertThat(personIds(list(tenant, "?q=%20%20"))).as("blank: no search").containsExactly(jane, john, ann);
    assertThat(personIds(list(tenant, "?q=%25"))).as("no wildcards").isEmpty();

    JsonNode combined = list(tenant, "?q=j&status=invited&connectionId=" + connection);
    assertThat(personIds(combined)).containsExactly(john);
    assertThat(combined.get("total").asLong()).isEqualTo(1);
    assertThat(list(tenant, "?q=j&limit=1").get("total").asLong()).isEqualTo(2);
    assertThat(personIds(list(tenant, "?q=a&connectionId=" + connection))).isEmpty();
    assertThat(personIds(list("?q=ann"))).as("another tenant's Ann").containsExactly(people.get(0));
  }

  @Test
  void keysetPagesVisitEveryPersonOnceInOrder() throws Exception {
    String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Umbrella\"}").json().get("id").asText();
    String connection = UUID.randomUUID().toString();
    for (int i = 0; i < 23; i++) {
      // three people a second: the user id breaks the ties, across page boundaries too
      insertNamed(tenant, connection, "user" + i, "Person " + i, "p" + i + "@umbrella.example",
          i % 5 == 0 ? "invited" : "imported", i / 3);
    }
    List<String> everyone = personIds(list(tenant, "?limit=1000"));
    assertThat(everyone).hasSize(23).doesNotHaveDuplicates();
    assertThat(keysetWalk(tenant, "&limit=4")).containsExactlyElementsOf(everyone);
    assertThat(keysetWalk(tenant, "&limit=1000")).containsExactlyElementsOf(everyone);

    List<String> imported = personIds(list(tenant, "?status=imported&limit=1000"));
    assertThat(keysetWalk(tenant, "&status=imported&limit=5")).hasSize(18).containsExactlyElementsOf(imported);
    List<String> searched = personIds(list(tenant, "?q=person%201&limit=1000"));
    assertThat(keysetWalk(tenant, "&q=person%201&limit=2")).hasSize(11).containsExactlyElementsOf(searched);

    JsonNode firstByOffset = list(tenant, "?offset=0&limit=4");
    assertThat(firstByOffset.get("total").asLong()).isEqualTo(23);
    JsonNode second = list(tenant, "?limit=4&after=" + firstByOffset.get("nextAfter").asText());
    assertThat(personIds(second)).containsExactlyElementsOf(everyone.subList(4, 8));
    assertThat(second.get("total").asLong()).isEqualTo(23);
  }

  @Test
  void badCursorsAndOverlongSearchesAre400() {
    String base = "/admin/v1/tenants/" + client.tenantId() + "/personnel";
    String cursor = list("?limit=1").get("nextAfter").asText();
    assertThat(assertAdminError(admin.get(base + "?after=garbage"), 400, "invalidValue")).contains("after");
    assertAdminError(admin.get(base + "?after=" + Base64.getUrlEncoder().encodeToString(
        "2024-03-01T09:00:00Z|not-a-uuid".getBytes(StandardCharsets.UTF_8))), 400, "invalidValue");
    assertAdminError(admin.get(base + "?after=%2B%2F%3D"), 400, "invalidValue");
    assertThat(assertAdminError(admin.get(base + "?after=" + cursor + "&offset=2"), 400, "invalidValue"))
        .contains("after", "offset");
    assertThat(assertAdminError(admin.get(base + "?q=" + "a".repeat(201)), 400, "invalidValue")).contains("200");
    assertAdminError(admin.get(base + "?q=a%00b"), 400, "invalidValue");
    assertThat(list("?q=" + "a".repeat(200)).get("total").asLong()).isZero();
  }

  private static List<String> keysetWalk(String tenant, String query) {
    List<String> visited = new ArrayList<>();
    JsonNode page = list(tenant, "?" + query.substring(1));
    for (int pages = 0; pages < 100; pages++) {
      visited.addAll(personIds(page));
      if (page.get("nextAfter").isNull()) {
        return visited;
      }
      page = list(tenant, "?after=" + page.get("nextAfter").asText() + query);
    }
    throw new AssertionError("no last page after 100 pages");
  }

  private static JsonNode list(String tenantId, String query) {
    Reply reply = admin.get("/admin/v1/tenants/" + tenantId + "/personnel" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode list(String query) {
    return list(client.tenantId(), query);
  }

  private static List<String> personIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static String personPath(String tenantId, String userId) {
    return "/admin/v1/tenants/" + tenantId + "/personnel/" + userId;
  }

  /** Waits until the relay has processed the tenant's events. */
  private static void awaitRelay(String tenantId) throws Exception {
    for (int i = 0; i < 200 && !"0".equals(gateway.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = $1"
        + " AND processed_at IS NULL", UUID.fromString(tenantId))); i++) {
      Thread.sleep(50);
    }
  }

  /**
   * A person with fixed values and one identity, the SCIM user {@code userId} of {@code connectionId} (the person's
   * id is the user's, as for people from before V013); {@code hour} orders creation (T0 plus that many hours).
   */
  private static void insertPerson(String tenantId, String connectionId, String userId, String userName,
      String status, int hour) throws Exception {
    gateway.sql("WITH p AS (INSERT INTO personnel (id, tenant_id, match_key, user_name, display_name, email, status,"
            + " scim_active, invited_at, deprovisioned_at, created_at, updated_at)"
            + " VALUES ($1, $2, 'user:' || gen_random_uuid(), $4, 'Display ' || $4, $4, $5, $5 <> 'deprovisioned',"
            + " CASE WHEN $5 IN ('invited', 'active') THEN $6 END, CASE WHEN $5 = 'deprovisioned' THEN $6 END, $6, $6)"
            + " RETURNING id, scim_active)"
            + " INSERT INTO person_identities (user_id, person_id, tenant_id, connection_id, user_name, email, active,"
            + " created_at) SELECT id, id, $2, $3, $4, $4, scim_active, $6 FROM p",
        UUID.fromString(userId), UUID.fromString(tenantId), UUID.fromString(connectionId), userName, status,
        T0.plusHours(hour));
  }

  /** A person with distinct names; {@code hour} orders creation. Completes with the new person's id. */
  private static String insertNamed(String tenantId, String connectionId, String userName, String displayName,
      String email, String status, int hour) throws Exception {
    String userId = UUID.randomUUID().toString();
    gateway.sql("WITH p AS (INSERT INTO personnel (id, tenant_id, match_key, user_name, display_name, email, status,"
            + " scim_active, created_at, updated_at)"
            + " VALUES ($1, $2, 'user:' || gen_random_uuid(), $4, $5, $6, $7, true, $8, $8) RETURNING id)"
            + " INSERT INTO person_identities (user_id, person_id, tenant_id, connection_id, user_name, email, active,"
            + " created_at) SELECT id, id, $2, $3, $4, $6, true, $8 FROM p",
        UUID.fromString(userId), UUID.fromString(tenantId), UUID.fromString(connectionId), userName, displayName,
        email, status, T0.plusHours(hour));
    return userId;
  }

  private static void history(String userId, String status, String reason, int hour) throws Exception {
    gateway.sql("INSERT INTO personnel_history (person_id, tenant_id, at, status, reason) VALUES ($1, $2, $3, $4, $5)",
        UUID.fromString(userId), UUID.fromString(client.tenantId()), T0.plusHours(hour), status, reason);
  }
}
