package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.RawHttp;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TableLock;
import io.scimgate.app.support.TestGateway;
import io.scimgate.persistence.Database;
import io.scimgate.persistence.resource.GroupRepository;
import io.scimgate.persistence.resource.StoredGroup;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.resource.Projection;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /Groups/{id} streams the members (pages of 100 here, so a few thousand members make many pages): chunked,
 * byte for byte the answer built whole, projections included; errors before the head are SCIM errors, a failure
 * after it cuts the answer. Memory itself is measured by the big-group benchmark, not here: these tests check that
 * the streamed path is the one taken (chunked transfer encoding, no Content-Length).
 */
class GroupStreamingTest {
  private static final int PER_FETCH = 100;
  /** Users whose number is a multiple of 3 have no displayName: their {@code display} is their userName. */
  private static final String NAME = "Zoë \"Q\" 😀 ";

  private static TestGateway gateway;
  private static ScimClient okta;
  private static Pool db;
  private static GroupRepository repository;
  private static String scimPath;
  private static UUID bigGroup;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of(
        ConfigLoader.GROUP_MEMBERS_PER_FETCH, Integer.toString(PER_FETCH),
        // a page that waits for a locked table fails fast (the cut-answer test)
        ConfigLoader.DATABASE_STATEMENT_TIMEOUT_MS, "1000",
        // one request of the tenant at a time: an answer that never ended would hold up the next request
        ConfigLoader.TENANT_MAX_RUNNING_REQUESTS, "1",
        ConfigLoader.INVITE_PIPELINE, "off"));
    okta = gateway.newConnection("okta");
    db = Database.pool(gateway.vertx(), gateway.databaseUrl(), 2);
    repository = new GroupRepository(db);
    scimPath = "/scim/v2/" + okta.connectionId();
    // about 6 MB of members: far more than the socket buffers between the gateway and a client that stops reading
    bigGroup = group("Everyone");
    addMembers(bigGroup, seedUsers(30_000, "all"), "User");
  }

  @AfterAll
  static void stop() {
    db.close();
    gateway.close();
  }

  @Test
  void aGroupOfThousandsOfMembersIsStreamedWithEveryMemberInOrder() throws Exception {
    UUID id = group("Engineering");
    List<UUID> users = seedUsers(3_050, "eng");
    UUID nested = group("Platform");
    addMembers(id, users, "User");
    addMembers(id, List.of(nested), "Group");

    try (RawHttp http = request("/Groups/" + id, "")) {
      RawHttp.Response head = http.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(head.header("Content-Length")).isNull();
      assertThat(head.header("Content-Type")).isEqualTo("application/scim+json; charset=utf-8");
      assertThat(head.header("ETag")).isEqualTo("W/\"1\"");
      byte[] body = http.readChunkedBody();
      assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(wholeAnswer(id, null, null));

      JsonNode group = ScimJson.parse(new String(body, StandardCharsets.UTF_8));
      List<UUID> expected = new ArrayList<>(users);
      expected.add(nested);
      // PostgreSQL orders uuids byte by byte, as their lower-case text sorts
      expected.sort(Comparator.comparing(UUID::toString));
      List<UUID> values = new ArrayList<>();
      group.get("members").forEach(member -> values.add(UUID.fromString(member.get("value").asText())));
      assertThat(values).containsExactlyElementsOf(expected);
      Map<String, JsonNode> byId = new HashMap<>();
      group.get("members").forEach(member -> byId.put(member.get("value").asText(), member));
      assertThat(byId.get(nested.toString()).get("display").asText()).isEqualTo("Platform");
      assertThat(byId.get(nested.toString()).get("$ref").asText()).endsWith("/Groups/" + nested);
      assertThat(byId.get(users.get(0).toString()).get("display").asText()).isEqualTo(NAME + 1);
      assertThat(byId.get(users.get(2).toString()).get("display").asText()).isEqualTo("eng-3@stream.local");
      assertThat(byId.get(users.get(2).toString()).get("type").asText()).isEqualTo("User");
      List<String> fields = new ArrayList<>();
      group.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).endsWith("members", "meta");
    }
  }

  @Test
  void projectionsGiveTheBytesOfTheAnswerBuiltWhole() throws Exception {
    UUID id = group("Sales");
    addMembers(id, seedUsers(250, "sales"), "User");
    addMembers(id, List.of(group("Sales EMEA")), "Group");
    String[][] projections = {
        {null, null},
        {"members", null},
        {"members.value,displayName", null},
        {"members.display", null},
        {null, "members.display"},
        {null, "meta"},
        {null, "displayName,members.$ref"},
        {null, "members[type eq \"Group\"]"},
    };
    for (String[] projection : projections) {
      String query = query(projection[0], projection[1]);
      try (RawHttp http = request("/Groups/" + id, query)) {
        RawHttp.Response head = http.readHead();
        assertThat(head.status()).as(query).isEqualTo(200);
        assertThat(head.header("Transfer-Encoding")).as(query).isEqualTo("chunked");
        assertThat(head.header("Location")).isEqualTo(gateway.config().scimBaseUrl(okta.connectionId())
            + "/Groups/" + id);
        assertThat(head.header("Content-Location")).isEqualTo(head.header("Location"));
        assertThat(new String(http.readChunkedBody(), StandardCharsets.UTF_8)).as(query)
            .isEqualTo(wholeAnswer(id, projection[0], projection[1]));
      }
    }
  }

  @Test
  void emptyGroupsAndGroupsOfWholePagesEndTheirMembersRight() throws Exception {
    UUID empty = group("Nobody");
    UUID twoPages = group("Two pages");
    addMembers(twoPages, seedUsers(2 * PER_FETCH, "pages"), "User");
    for (UUID id : List.of(empty, twoPages)) {
      try (RawHttp http = request("/Groups/" + id, "")) {
        assertThat(http.readHead().header("Transfer-Encoding")).isEqualTo("chunked");
        String body = new String(http.readChunkedBody(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(wholeAnswer(id, null, null));
        assertThat(ScimJson.parse(body).get("members")).hasSize(id.equals(empty) ? 0 : 2 * PER_FETCH);
      }
    }
  }

  @Test
  void aValueFilterOnMembersInAttributesIsAnsweredWhole() throws Exception {
    UUID id = group("Mixed");
    UUID nested = group("Mixed inner");
    addMembers(id, seedUsers(150, "mixed"), "User");
    addMembers(id, List.of(nested), "Group");
    String attributes = "members[type eq \"Group\"]";
    try (RawHttp http = request("/Groups/" + id, query(attributes, null))) {
      RawHttp.Response answer = http.read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Transfer-Encoding")).isNull();
      assertThat(answer.body()).isEqualTo(wholeAnswer(id, attributes, null));
      JsonNode members = ScimJson.parse(answer.body()).get("members");
      assertThat(members).hasSize(1);
      assertThat(members.get(0).get("value").asText()).isEqualTo(nested.toString());
    }
    UUID usersOnly = group("Users only");
    addMembers(usersOnly, seedUsers(5, "only"), "User");
    JsonNode none = okta.scim().get("/Groups/" + usersOnly + "?" + query(attributes, null)).json();
    assertThat(none.has("members")).isFalse();
  }

  @Test
  void errorsBeforeTheHeadAreScimErrors() {
    assertScimError(okta.scim().get("/Groups/" + UUID.randomUUID()), 404, null);
    assertScimError(okta.scim().get("/Groups/not-a-uuid"), 404, null);
    Reply read = okta.scim().get("/Groups/" + bigGroup + "?excludedAttributes=members");
    assertThat(read.status()).isEqualTo(200);
    Reply unchanged = okta.scim().send("GET", "/Groups/" + bigGroup, null, null,
        Map.of("If-None-Match", read.header("ETag")));
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.header("ETag")).isEqualTo(read.header("ETag"));
  }

  @Test
  void aFailureAfterTheHeadCutsTheAnswerInsteadOfEndingIt() throws Exception {
    try (RawHttp http = RawHttp.slowReader(RawHttp.port(gateway.url()), 15_000)) {
      http.write(get("/Groups/" + bigGroup, ""));
      RawHttp.Response head = http.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
      // the gateway fills the socket buffers and waits for them to drain, a page read ahead: had it read every
      // page regardless, the answer would complete below
      Thread.sleep(1000);
      try (TableLock locked = TableLock.exclusive(gateway.vertx(), gateway.databaseUrl(), "scim_group_members")) {
        // reading on lets the gateway send what it holds; its next page waits for the lock, times out, and the
        // connection is closed before the last chunk (not left open: that would be a read timeout)
        assertThatThrownBy(http::readChunkedBody).isInstanceOf(IOException.class)
            .isNotInstanceOf(SocketTimeoutException.class);
      }
    }
    Reply after = okta.scim().get("/Groups/" + bigGroup + "?attributes=members");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().get("members")).hasSize(30_000);
  }

  @Test
  void aClientThatLeavesMidAnswerFreesItsTenantsTurn() throws Exception {
    try (RawHttp http = RawHttp.slowReader(RawHttp.port(gateway.url()), 15_000)) {
      http.write(get("/Groups/" + bigGroup, ""));
      RawHttp.Response head = http.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
      Thread.sleep(500);
    }
    // one request of this tenant at a time: an answer still running would make this one wait, then 429
    Reply next = okta.scim().get("/Groups/" + bigGroup + "?excludedAttributes=members");
    assertThat(next.status()).isEqualTo(200);
  }

  /** What the gateway answers when it builds the answer whole: the rendering and projection of GroupEndpoints. */
  private static String wholeAnswer(UUID id, String attributes, String excluded) throws Exception {
    StoredGroup group = repository.get(UUID.fromString(okta.connectionId()), id, true).await(30, TimeUnit.SECONDS);
    Projection projection = Projection.of(CoreSchemas.GROUP_TYPE, attributes, excluded);
    return ScimJson.write(projection.apply(CoreSchemas.GROUP_TYPE,
        ScimRenderer.group(group, gateway.config().scimBaseUrl(okta.connectionId()))));
  }

  private static RawHttp request(String path, String query) throws IOException {
    RawHttp http = new RawHttp(RawHttp.port(gateway.url()), 15_000);
    http.write(get(path, query));
    return http;
  }

  private static String get(String path, String query) {
    return "GET " + scimPath + path + (query.isEmpty() ? "" : "?" + query) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer " + okta.token() + "\r\n\r\n";
  }

  private static String query(String attributes, String excluded) {
    List<String> parameters = new ArrayList<>();
    if (attributes != null) {
      parameters.add("attributes=" + Http.encode(attributes));
    }
    if (excluded != null) {
      parameters.add("excludedAttributes=" + Http.encode(excluded));
    }
    return String.join("&", parameters);
  }

  private static UUID group(String displayName) {
    return UUID.fromString(okta.scim().post("/Groups", "{\"displayName\":\"" + displayName + "\"}").json()
        .get("id").asText());
  }

  /**
   * {@code count} users inserted straight into the database (no outbox events: set-up, not the thing tested),
   * userName {@code <prefix>-<n>@stream.local}, displayName {@code NAME + n} unless n is a multiple of 3; their
   * ids in the order of n.
   */
  private static List<UUID> seedUsers(int count, String prefix) {
    String sql = "INSERT INTO scim_users (id, tenant_id, connection_id, user_name, display_name, active, doc,"
        + " version, created_at, modified_at) SELECT gen_random_uuid(), $1, $2, $3 || '-' || n || '@stream.local',"
        + " CASE WHEN n % 3 = 0 THEN NULL ELSE $4 || n END, true, jsonb_build_object('schemas',"
        + " jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', $3 || '-' || n"
        + " || '@stream.local'), 1, now(), now() FROM generate_series(1, $5) AS n RETURNING id, user_name";
    Tuple params = Tuple.of(UUID.fromString(okta.tenantId()), UUID.fromString(okta.connectionId()), prefix, NAME,
        count);
    UUID[] ids = new UUID[count];
    withoutTriggers(sql, params).forEach(row -> {
      String userName = row.getString("user_name");
      int n = Integer.parseInt(userName.substring(prefix.length() + 1, userName.indexOf('@')));
      ids[n - 1] = row.getUUID("id");
    });
    return List.of(ids);
  }

  private static void addMembers(UUID group, List<UUID> members, String type) {
    withoutTriggers("INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
        + " SELECT (SELECT tenant_id FROM scim_groups WHERE id = $1), $1, m, $3 FROM unnest($2::uuid[]) AS m",
        Tuple.of(group, members.toArray(UUID[]::new), type));
  }

  private static io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> withoutTriggers(String sql, Tuple params) {
    try {
      return db.withTransaction(conn -> conn.query("SET LOCAL session_replication_role = replica").execute()
          .compose(replica -> conn.preparedQuery(sql).execute(params))).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
