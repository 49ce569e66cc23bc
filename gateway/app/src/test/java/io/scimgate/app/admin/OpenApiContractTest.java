package io.scimgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.auth.TokenService;
import io.scimgate.app.support.AdminContract;
import io.scimgate.app.support.AdminRoutes;
import io.scimgate.app.support.CheckedAdmin;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.MailServer;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.TestGateway;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API's OpenAPI document ({@code admin-api/openapi.json}, served at {@code /admin/v1/openapi.json}) is
 * true: it is valid OpenAPI 3.1, it documents exactly the routes the admin router registers, and every answer of a
 * realistic admin session (tenant, connections and tokens, SCIM traffic and its request log, auto-invites,
 * personnel, invitation links read from the mails a real SMTP server received, directory events, webhook,
 * deliveries, portal links and sessions, and the errors on the way) has a documented status and a body valid
 * against the document's schema for it.
 */
class OpenApiContractTest {
  /** The token of a sign-up link in an invitation mail, whichever template made the link. */
  private static final Pattern LINK_TOKEN = Pattern.compile("https://[a-z.]+/join\\?token=([A-Za-z0-9_-]{43})");

  private static MailServer mail;
  private static TestGateway gateway;
  private static AdminContract contract;

  @BeforeAll
  static void start() {
    mail = MailServer.start();
    Map<String, String> env = new HashMap<>(mail.gatewayEnvironment());
    env.put("SCIMGATE_INVITATION_URL", "https://app.contract.example/join?token={token}");
    env.put("SCIMGATE_EVENTS_PRUNE_SECONDS", "1");
    gateway = TestGateway.start(env);
    contract = AdminContract.load(gateway.vertx());
  }

  @AfterAll
  static void stop() {
    try {
      gateway.close();
    } finally {
      mail.close();
    }
  }

  @Test
  void everyRegisteredAdminRouteIsDocumentedAndNothingElse() {
    Set<String> registered = AdminRoutes.registered(gateway);
    Set<String> documented = contract.documentedRoutes();
    Set<String> undocumented = new TreeSet<>(registered);
    undocumented.removeAll(documented);
    Set<String> stale = new TreeSet<>(documented);
    stale.removeAll(registered);
    assertThat(undocumented).as("admin routes missing from " + AdminContract.RESOURCE).isEmpty();
    assertThat(stale).as("operations in " + AdminContract.RESOURCE + " that no route serves").isEmpty();
  }

  @Test
  void theGatewayServesTheDocumentWithoutACredential() {
    Reply reply = new CheckedAdmin(gateway.anonymous(), contract).get("/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(new JsonObject(reply.body())).isEqualTo(AdminContract.document());
    assertThat(reply.json().get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void aRealisticAdminSessionMatchesTheDocument() throws Exception {
    CheckedAdmin operator = new CheckedAdmin(gateway.admin(), contract);
    CheckedAdmin anonymous = new CheckedAdmin(gateway.anonymous(), contract);
    status(operator.get("/session"), 200);
    status(anonymous.get("/session"), 401);
    status(operator.get("/connectors"), 200);

    String tenant = tenants(operator);
    CheckedAdmin companyAdmin = companyAdmin(tenant);
    String oktaToken = connections(operator, tenant);
    String base = "/tenants/" + tenant;
    String okta = status(operator.get(base + "/connections"), 200).get("items").get(0).get("id").asText();
    Scim scim = scimTraffic(okta, oktaToken);
    logs(operator, base, okta);
    autoInvitesAndPersonnel(operator, base, scim);
    invitations(operator, companyAdmin, base, scim);
    events(operator, companyAdmin, base, okta);
    webhook(operator, base);
    deliveries(operator, base);
    portal(operator, companyAdmin, base);
    status(anonymous.get(base + "/connections"), 401);
    status(companyAdmin.get("/tenants/" + UUID.randomUUID()), 404);
    status(operator.put(base + "/webhook", "{\"url\":\"" + "x".repeat(70 * 1024) + "\"}"), 413);

    Set<String> withoutSuccess = new TreeSet<>(contract.operationIds());
    contract.exercised().stream().filter(exchange -> exchange.matches(".* 2\\d\\d"))
        .forEach(exchange -> withoutSuccess.remove(exchange.substring(0, exchange.indexOf(' '))));
    assertThat(withoutSuccess).as("operations the session never saw succeed").isEmpty();
  }

  /** Creates the session's tenant, with the refusals on the way; its id. */
  private static String tenants(CheckedAdmin operator) {
    status(operator.post("/tenants", "{\"name\":\"\"}"), 400);
    status(operator.post("/tenants", "{\"name\":"), 400);
    String id = status(operator.post("/tenants", "{\"name\":\"Contract Co\",\"scimEnabled\":false}"), 201)
        .get("id").asText();
    status(operator.get("/tenants?q=contract%20co&limit=10"), 200);
    status(operator.get("/tenants?limit=0"), 400);
    status(operator.get("/tenants/" + id), 200);
    status(operator.get("/tenants/" + UUID.randomUUID()), 404);
    status(operator.put("/tenants/" + id + "/scim", "{\"enabled\":\"yes\"}"), 400);
    status(operator.put("/tenants/" + id + "/scim", "{\"enabled\":true}"), 200);
    return id;
  }

  /** A company admin's automation token for the tenant, and what it may not do. */
  private static CheckedAdmin companyAdmin(String tenant) {
    TokenService tokens = new TokenService(gateway.vertx(), TestGateway.SECRET);
    CheckedAdmin admin = new CheckedAdmin(new Http(gateway.url(),
        tokens.issueAdminToken("acme-automation", 600, UUID.fromString(tenant))), contract);
    assertThat(status(admin.get("/tenants"), 200).get("total").asLong()).isEqualTo(1);
    assertThat(status(admin.get("/session"), 200).get("tenantId").asText()).isEqualTo(tenant);
    status(admin.post("/tenants", "{\"name\":\"Not mine to make\"}"), 403);
    status(admin.put("/tenants/" + tenant + "/scim", "{\"enabled\":false}"), 403);
    return admin;
  }

  /** Two connections, every change to them, and their refusals; the Okta connection's current token. */
  private static String connections(CheckedAdmin operator, String tenant) {
    String base = "/tenants/" + tenant + "/connections";
    String okta = status(operator.post(base, "{\"vendor\":\"okta\",\"name\":\"Okta production\"}"), 201)
        .get("id").asText();
    String custom = status(operator.post(base, "{\"vendor\":\"custom\",\"name\":\"HR feed\",\"groupPrefix\":"
        + "\"Acme HR - \",\"attributeMappings\":{\"urn:acme:scim:User:dept\":"
        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\"},"
        + "\"rateLimit\":{\"requestsPerSecond\":50,\"burst\":100},\"tokenTtlSeconds\":3600}"), 201).get("id").asText();
    status(operator.post(base, "{\"vendor\":\"nope\",\"name\":\"Unknown\"}"), 400);
    status(operator.get(base), 200);
    status(operator.get(base + "/" + okta), 200);
    status(operator.get(base + "/" + UUID.randomUUID()), 404);
    assertThat(status(operator.patch(base + "/" + custom, "{\"name\":\"HR feed (prod)\",\"rateLimit\":null,"
        + "\"advertisePagination\":true}"), 200).get("advertisePagination").asBoolean()).isTrue();
    status(operator.patch(base + "/" + custom, "{\"groupPrefix\":\"\"}"), 400);
    status(operator.patch(base + "/" + custom, "{\"advertisePagination\":\"yes\"}"), 400);
    status(operator.post(base + "/" + okta + "/rotate-token", "{\"graceSeconds\":-1}"), 400);
    JsonNode rotated = status(operator.post(base + "/" + okta + "/rotate-token", "{\"graceSeconds\":3600}"), 200);
    assertThat(rotated.has("previousTokenValidUntil")).isTrue();
    status(operator.post(base + "/" + custom + "/disable", null), 200);
    status(operator.post(base + "/" + custom + "/enable", null), 200);
    status(operator.delete(base + "/" + custom), 204);
    status(operator.get(base + "/" + custom), 404);
    return rotated.get("token").asText();
  }

  /** What the IdP pushed: three people, a group of two of them. */
  private record Scim(String ann, String bob, String cid, String sales) {}

  private static Scim scimTraffic(String connection, String token) throws InterruptedException {
    Http scim = new Http(gateway.url() + "/scim/v2/" + connection, token);
    String ann = scim.post("/Users", Fixtures.oktaUser("ann@contract.example")).json().get("id").asText();
    String bob = scim.post("/Users", Fixtures.oktaUser("bob@contract.example")).json().get("id").asText();
    String cid = scim.post("/Users", Fixtures.oktaUser("cid@contract.example")).json().get("id").asText();
    String sales = scim.post("/Groups", Fixtures.group("Sales", ann, bob)).json().get("id").asText();
    assertThat(scim.post("/Users", "{\"schemas\":[]}").status()).as("a refused request for the log").isEqualTo(400);
    return new Scim(ann, bob, cid, sales);
  }

  private static void logs(CheckedAdmin operator, String base, String okta) throws InterruptedException {
    String requests = base + "/connections/" + okta + "/requests";
    JsonNode page = await(() -> status(operator.get(requests + "?limit=2"), 200),
        json -> json.get("items").size() == 2, "the request log was written");
    status(operator.get(requests + "?limit=2&before=" + page.get("nextBefore").asLong()), 200);
    status(operator.get(requests + "?limit=0"), 400);
    JsonNode audit = status(operator.get(base + "/audit?limit=1"), 200);
    status(operator.get(base + "/audit?limit=1&before=" + audit.get("nextBefore").asLong()), 200);
    status(operator.get(base + "/audit?before=soon"), 400);
    status(operator.get(base + "/groups?q=sales"), 200);
  }

  private static void autoInvitesAndPersonnel(CheckedAdmin operator, String base, Scim scim)
      throws InterruptedException {
    await(() -> status(operator.get(base + "/personnel"), 200), json -> json.get("total").asInt() == 3,
        "the relay made the people");
    status(operator.get(base + "/auto-invites"), 200);
    String selection = "{\"enabled\":true,\"groupIds\":[\"" + scim.sales() + "\"]}";
    assertThat(status(operator.post(base + "/auto-invites/preview", selection), 200).get("willInvite").asLong())
        .isEqualTo(2);
    status(operator.put(base + "/auto-invites", "{\"enabled\":true,\"groupIds\":[\"nope\"]}"), 400);
    status(operator.put(base + "/auto-invites", selection), 200);
    await(() -> status(operator.get(base + "/personnel?status=invited"), 200),
        json -> json.get("total").asInt() == 2, "the relay invited Sales");
    JsonNode first = status(operator.get(base + "/personnel?limit=1"), 200);
    status(operator.get(base + "/personnel?limit=1&after=" + first.get("nextAfter").asText()), 200);
    status(operator.get(base + "/personnel?q=ann&groupId=" + scim.sales()), 200);
    status(operator.get(base + "/personnel?status=nope"), 400);
    String ann = status(operator.get(base + "/personnel/" + scim.ann()), 200).get("id").asText();
    JsonNode person = status(operator.get(base + "/personnel/" + ann), 200);
    assertThat(person.at("/identities/0/userId").asText()).as("the person's SCIM user").isEqualTo(scim.ann());
    status(operator.get(base + "/personnel/" + UUID.randomUUID()), 404);
    status(operator.post(base + "/personnel/" + scim.ann() + "/accept", null), 200);
    status(operator.post(base + "/personnel/" + scim.ann() + "/accept", null), 409);
    status(operator.post(base + "/personnel/" + scim.cid() + "/accept", null), 409);
    status(operator.get(base + "/auto-invites"), 200);
  }

  /** The sign-up URL, links read out of the mails, sending an invitation again, and every answer of accepting. */
  private static void invitations(CheckedAdmin operator, CheckedAdmin companyAdmin, String base, Scim scim)
      throws InterruptedException {
    String url = base + "/invitation-url";
    String tenantUrl = "{\"url\":\"https://signup.contract.example/join?token={token}\"}";
    status(companyAdmin.get(url), 200);
    status(companyAdmin.put(url, tenantUrl), 403);
    status(operator.put(url, "{\"url\":\"http://signup.contract.example/join?token={token}\"}"), 400);
    String bob = status(operator.get(base + "/personnel/" + scim.bob()), 200).get("id").asText();
    String replaced = linkToken("bob@contract.example", 1);
    status(operator.put(url, tenantUrl), 200);
    status(operator.post(base + "/personnel/" + bob + "/invitation", null), 202);
    String current = linkToken("bob@contract.example", 2);
    status(operator.post(base + "/personnel/" + scim.ann() + "/invitation", null), 409);
    status(operator.post(base + "/personnel/" + UUID.randomUUID() + "/invitation", null), 404);
    assertThat(status(operator.put(url, "{\"url\":null}"), 200).get("url").isNull()).isTrue();

    String accept = "/invitations/accept";
    status(operator.post(accept, "{}"), 400);
    status(operator.post(accept, token("A".repeat(43))), 404);
    status(operator.post(accept, token(replaced)), 410);
    status(companyAdmin.post(accept, token(current)), 403);
    JsonNode accepted = status(operator.post(accept, token(current)), 200);
    assertThat(accepted.at("/person/status").asText()).isEqualTo("active");
    status(operator.post(accept, token(current)), 409);
  }

  /** The token in the link of the {@code n}th invitation mail to {@code address}, once it arrived. */
  private static String linkToken(String address, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (mail.receivedBy(address).size() < n && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    List<MailServer.Received> received = mail.receivedBy(address);
    assertThat(received).as("invitation mails to " + address).hasSize(n);
    Matcher link = LINK_TOKEN.matcher(received.get(n - 1).text());
    assertThat(link.find()).as("a sign-up link in: " + received.get(n - 1).text()).isTrue();
    return link.group(1);
  }

  private static String token(String token) {
    return "{\"token\":\"" + token + "\"}";
  }

  /** Every kind of directory event, a page after a cursor, filters, refusals, and a cursor behind the retention. */
  private static void events(CheckedAdmin operator, CheckedAdmin companyAdmin, String base, String okta)
      throws Exception {
    // a new group prefix renames the connection's groups: a group.renamed beside the users, group and members
    status(operator.patch(base + "/connections/" + okta, "{\"groupPrefix\":\"Contract - \"}"), 200);
    String events = base + "/events";
    await(() -> status(operator.get(events + "?type=group.renamed"), 200), json -> json.get("events").size() == 1,
        "the relay published the rename");
    JsonNode all = status(companyAdmin.get(events + "?limit=1000"), 200);
    assertThat(all.findValuesAsText("type")).contains("user.created", "group.created", "group.member_added",
        "group.renamed");
    JsonNode first = status(operator.get(events + "?limit=2"), 200);
    status(operator.get(events + "?limit=2&after=" + first.get("nextCursor").asText()
        + "&type=user.created,group.member_added&connectionId=" + okta), 200);
    status(operator.get(events + "?type=personnel.invited"), 400);
    status(operator.get(events + "?after=not-a-cursor"), 400);

    // the first two events pass the retention and the pruner deletes them: a cursor behind them is gone
    String tenant = base.substring(base.lastIndexOf('/') + 1);
    gateway.sql("UPDATE outbox_events SET processed_at = processed_at - interval '40 days'"
        + " WHERE tenant_id = $1::uuid AND position <= 2", tenant);
    long deadline = System.currentTimeMillis() + 10_000;
    while (!"0".equals(gateway.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = $1::uuid"
        + " AND position <= 2", tenant))) {
      assertThat(System.currentTimeMillis()).as("the pruner deleted the old events").isLessThan(deadline);
      Thread.sleep(50);
    }
    status(operator.get(events + "?after=" + first.at("/events/0/cursor").asText()), 410);
  }

  private static void webhook(CheckedAdmin operator, String base) {
    status(operator.get(base + "/webhook"), 404);
    status(operator.put(base + "/webhook", "{\"url\":\"http://127.0.0.1/hook\",\"secret\":\"0123456789abcdef\"}"),
        400);
    status(operator.put(base + "/webhook", "{\"url\":\"https://hooks.example.com/scimgate\","
        + "\"secret\":\"0123456789abcdef\",\"enabled\":false}"), 200);
    status(operator.get(base + "/webhook"), 200);
    status(operator.delete(base + "/webhook"), 204);
    status(operator.delete(base + "/webhook"), 404);
  }

  /** A mail that a real mail server refused for good, as the worker leaves it, then replayed. */
  private static void deliveries(CheckedAdmin operator, String base) throws Exception {
    String tenant = base.substring(base.lastIndexOf('/') + 1);
    String dead = "invite:" + UUID.randomUUID() + ":1";
    gateway.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, attempts,"
        + " next_attempt_at, last_error, occurred_at, created_at) VALUES ($1, $2, 'email', 'personnel.invited',"
        + " '{}'::jsonb, 'zed@contract.example', 'dead', 16, now(), '550 mailbox unavailable', now(), now())",
        dead, UUID.fromString(tenant));
    status(operator.get(base + "/deliveries"), 200);
    status(operator.get(base + "/deliveries?status=dead&limit=5"), 200);
    status(operator.get(base + "/deliveries?status=lost"), 400);
    status(operator.post(base + "/deliveries/" + dead + "/replay", null), 200);
    status(operator.post(base + "/deliveries/" + dead + "/replay", null), 409);
    status(operator.post(base + "/deliveries/invite:" + UUID.randomUUID() + ":1/replay", null), 404);
  }

  /** Portal links, an operator's browser session from their token, CSRF, sign-out, ending a tenant's sessions. */
  private static void portal(CheckedAdmin operator, CheckedAdmin companyAdmin, String base) {
    status(operator.post(base + "/portal-links", "{\"screen\":\"personnel\",\"ttlSeconds\":600,"
        + "\"subject\":\"jane@acme.example\"}"), 201);
    status(operator.post(base + "/portal-links", null), 201);
    status(operator.post(base + "/portal-links", "{\"screen\":\"nowhere\"}"), 400);
    status(companyAdmin.post(base + "/portal-links", "{}"), 403);

    Reply opened = operator.post("/portal-sessions", null);
    status(opened, 204);
    String cookie = opened.header("Set-Cookie").split(";")[0];
    CheckedAdmin browser = new CheckedAdmin(gateway.anonymous(), contract).withHeaders(Map.of("Cookie", cookie));
    String csrf = status(browser.get("/session"), 200).get("csrfToken").asText();
    CheckedAdmin page = new CheckedAdmin(gateway.anonymous(), contract)
        .withHeaders(Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
    status(browser.put(base + "/scim", "{\"enabled\":true}"), 403);
    status(browser.post("/portal-sessions", null), 403);
    status(page.post("/portal-sessions", null), 400);
    status(page.put(base + "/scim", "{\"enabled\":true}"), 200);
    status(page.delete("/session"), 204);
    status(browser.get("/session"), 401);
    status(operator.delete("/session"), 204);
    status(operator.delete(base + "/portal-sessions"), 204);
    status(companyAdmin.delete(base + "/portal-sessions"), 403);
  }

  /** The reply's JSON after checking its status (the contract check has run already). */
  private static JsonNode status(Reply reply, int expected) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
    return reply.json();
  }

  private static JsonNode await(java.util.function.Supplier<JsonNode> read,
      java.util.function.Predicate<JsonNode> done, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode latest = read.get();
    while (!done.test(latest)) {
      assertThat(System.currentTimeMillis()).as(what + ": " + latest).isLessThan(deadline);
      Thread.sleep(50);
      latest = read.get();
    }
    return latest;
  }
}
