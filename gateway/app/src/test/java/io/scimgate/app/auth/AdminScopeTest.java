package io.scimgate.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.AdminRoutes;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every admin route with no credential, an operator's, a company admin's on their own tenant and on another
 * tenant: 401, allowed, allowed unless operator-only (403), and 404 (the other tenant's ids do not exist for
 * them).
 */
class AdminScopeTest {
  /** One admin route; ids in braces are filled in per tenant. Operator-only routes answer 403 to a company admin. */
  record Route(String method, String path, String body, boolean operatorOnly) {
    String on(SeededTenant tenant) {
      return path.replace("{t}", tenant.id).replace("{c}", tenant.connectionId).replace("{g}", tenant.groupId)
          .replace("{u}", tenant.userId).replace("{d}", tenant.deliveryId);
    }
  }

  /** A tenant with one of everything an admin route can name. */
  record SeededTenant(String id, String connectionId, String groupId, String userId, String deliveryId) {}

  /** In an order that keeps every route meaningful: the connection is deleted last. */
  private static final List<Route> TENANT_ROUTES = List.of(
      new Route("GET", "/tenants/{t}", null, false),
      new Route("PUT", "/tenants/{t}/scim", "{\"enabled\":true}", true),
      new Route("GET", "/tenants/{t}/audit", null, false),
      new Route("GET", "/tenants/{t}/groups", null, false),
      new Route("GET", "/tenants/{t}/connections", null, false),
      new Route("POST", "/tenants/{t}/connections", "{\"vendor\":\"okta\",\"name\":\"Second\"}", false),
      new Route("GET", "/tenants/{t}/connections/{c}", null, false),
      new Route("GET", "/tenants/{t}/connections/{c}/requests", null, false),
      new Route("PATCH", "/tenants/{t}/connections/{c}", "{\"name\":\"Renamed\"}", false),
      new Route("POST", "/tenants/{t}/connections/{c}/rotate-token", "{\"graceSeconds\":60}", false),
      new Route("POST", "/tenants/{t}/connections/{c}/disable", null, false),
      new Route("POST", "/tenants/{t}/connections/{c}/enable", null, false),
      new Route("GET", "/tenants/{t}/auto-invites", null, false),
      new Route("POST", "/tenants/{t}/auto-invites/preview", "{\"enabled\":true,\"groupIds\":[\"{g}\"]}", false),
      new Route("PUT", "/tenants/{t}/auto-invites", "{\"enabled\":false,\"groupIds\":[\"{g}\"]}", false),
      new Route("GET", "/tenants/{t}/personnel", null, false),
      new Route("GET", "/tenants/{t}/personnel/{u}", null, false),
      new Route("POST", "/tenants/{t}/personnel/{u}/accept", null, false),
      new Route("POST", "/tenants/{t}/personnel/{u}/invitation", null, false),
      new Route("GET", "/tenants/{t}/invitation-url", null, false),
      new Route("PUT", "/tenants/{t}/invitation-url", "{\"url\":\"https://app.example.com/join?t={token}\"}", true),
      new Route("PUT", "/tenants/{t}/webhook",
          "{\"url\":\"https://hooks.example.com/x\",\"secret\":\"0123456789abcdef\",\"enabled\":false}", false),
      new Route("GET", "/tenants/{t}/webhook", null, false),
      new Route("DELETE", "/tenants/{t}/webhook", null, false),
      new Route("GET", "/tenants/{t}/deliveries", null, false),
      new Route("POST", "/tenants/{t}/deliveries/{d}/replay", null, false),
      new Route("GET", "/tenants/{t}/events", null, false),
      new Route("POST", "/tenants/{t}/portal-links", "{}", true),
      new Route("DELETE", "/tenants/{t}/portal-sessions", null, true),
      new Route("DELETE", "/tenants/{t}/connections/{c}", null, false));

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static TokenService tokens;

  @BeforeAll
  static void setUp() {
    tokens = new TokenService(gateway.vertx(), TestGateway.SECRET);
  }

  /** Routes outside /tenants/{id}: checked one by one in the tests below. */
  private static final List<String> OTHER_ROUTES = List.of("GET /tenants", "POST /tenants", "GET /connectors",
      "GET /session", "DELETE /session", "POST /portal-sessions", "GET /openapi.json",
      "POST /invitations/accept");

  @Test
  void theTablesCoverEveryAdminRoute() {
    Set<String> tabled = new TreeSet<>(OTHER_ROUTES);
    TENANT_ROUTES.forEach(route -> tabled.add(route.method() + " " + route.path()
        .replace("{t}", "{tenantId}").replace("{c}", "{connectionId}").replace("{u}", "{personId}")
        .replace("{d}", "{deliveryId}")));
    assertThat(tabled).isEqualTo(AdminRoutes.registered(gateway.node()));
  }

  @Test
  void withoutACredentialEveryRouteIs401() {
    SeededTenant tenant = seed();
    for (Route route : TENANT_ROUTES) {
      assertThat(call(gateway.anonymous(), route, tenant).status()).as(route.toString()).isEqualTo(401);
    }
    assertThat(gateway.anonymous().get("/admin/v1/connectors").status()).isEqualTo(401);
    assertThat(gateway.anonymous().get("/admin/v1/session").status()).isEqualTo(401);
    // the one exception: the OpenAPI document is a contract, with no data
    assertThat(gateway.anonymous().get("/admin/v1/openapi.json").status()).isEqualTo(200);
  }

  @Test
  void anOperatorMayCallEveryRoute() {
    SeededTenant tenant = seed();
    for (Route route : TENANT_ROUTES) {
      assertAllowed(call(gateway.admin(), route, tenant), route);
    }
    assertThat(gateway.admin().post("/admin/v1/tenants", "{\"name\":\"Made by an operator\"}").status()).isEqualTo(201);
  }

  @Test
  void aCompanyAdminMayCallEveryRouteOfTheirTenantButTheOperatorOnes() {
    SeededTenant own = seed();
    Http companyAdmin = tenantAdmin(own.id);
    for (Route route : TENANT_ROUTES) {
      Reply reply = call(companyAdmin, route, own);
      if (route.operatorOnly()) {
        assertThat(reply.status()).as(route + " " + reply).isEqualTo(403);
      } else {
        assertAllowed(reply, route);
      }
    }
    assertThat(companyAdmin.post("/admin/v1/tenants", "{\"name\":\"Not allowed\"}").status()).isEqualTo(403);
    assertThat(companyAdmin.get("/admin/v1/connectors").status()).isEqualTo(200);
    JsonNode me = companyAdmin.get("/admin/v1/session").json();
    assertThat(me.get("kind").asText()).isEqualTo("tenant");
    assertThat(me.get("csrfToken").isNull()).isTrue();
    JsonNode tenants = companyAdmin.get("/admin/v1/tenants").json();
    assertThat(tenants.get("items")).hasSize(1);
  }

  @Test
  void anotherTenantsIdsDoNotExistForACompanyAdmin() {
    SeededTenant own = seed();
    SeededTenant foreign = seed();
    Http companyAdmin = tenantAdmin(own.id);
    for (Route route : TENANT_ROUTES) {
      Reply reply = call(companyAdmin, route, foreign);
      assertThat(reply.status()).as(route + " " + reply).isEqualTo(404);
    }
    // the other tenant's nested ids under the company admin's own tenant path
    SeededTenant mixed = new SeededTenant(own.id, foreign.connectionId, foreign.groupId, foreign.userId,
        foreign.deliveryId);
    for (String path : List.of("/tenants/{t}/connections/{c}", "/tenants/{t}/connections/{c}/requests",
        "/tenants/{t}/personnel/{u}")) {
      assertThat(companyAdmin.get("/admin/v1" + new Route("GET", path, null, false).on(mixed)).status())
          .as(path).isEqualTo(404);
    }
    assertThat(companyAdmin.post("/admin/v1" + new Route("POST", "/tenants/{t}/deliveries/{d}/replay", null, false)
        .on(mixed), null).status()).isEqualTo(404);
    assertThat(companyAdmin.get("/admin/v1/tenants/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(companyAdmin.get("/admin/v1/tenants/not-a-uuid").status()).isEqualTo(404);
  }

  private static void assertAllowed(Reply reply, Route route) {
    assertThat(reply.status()).as(route + " " + reply).isNotIn(401, 403);
    if (reply.status() == 404) {
      assertThat(reply.json().get("detail").asText()).as(route + " " + reply).doesNotStartWith("Tenant");
    }
    assertThat(reply.status()).as(route + " " + reply).isLessThan(500);
  }

  private static Reply call(Http http, Route route, SeededTenant tenant) {
    String body = route.body() == null ? null : route.body().replace("{g}", tenant.groupId());
    return http.send(route.method(), "/admin/v1" + route.on(tenant), body, "application/json");
  }

  private static Http tenantAdmin(String tenantId) {
    return new Http(gateway.url(), tokens.issueAdminToken("acme-automation", 600, UUID.fromString(tenantId)));
  }

  /** A tenant with a connection, a user (a person once the relay saw it), a group and a dead delivery. */
  private static SeededTenant seed() {
    ScimClient client = gateway.newConnection("okta");
    String userId = client.scim().post("/Users", Fixtures.oktaUser(UUID.randomUUID() + "@okta.local")).json()
        .get("id").asText();
    String groupId = client.scim().post("/Groups", Fixtures.group("Contractors", userId)).json().get("id").asText();
    String deliveryId = "invite:" + UUID.randomUUID() + ":1";
    try {
      gateway.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, attempts,"
          + " next_attempt_at, last_error, occurred_at, created_at) VALUES ($1, $2, 'smtp', 'personnel.invited',"
          + " '{}'::jsonb, 'ann@example.com', 'dead', 8, now(), '550 mailbox unavailable', now(), now())",
          deliveryId, UUID.fromString(client.tenantId()));
      awaitPerson(client.tenantId(), userId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new SeededTenant(client.tenantId(), client.connectionId(), groupId, userId, deliveryId);
  }

  private static void awaitPerson(String tenantId, String userId) throws InterruptedException {
    Http admin = gateway.admin();
    long deadline = System.currentTimeMillis() + 10_000;
    while (admin.get("/admin/v1/tenants/" + tenantId + "/personnel/" + userId).status() != 200) {
      assertThat(System.currentTimeMillis()).as("the relay made the person").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
