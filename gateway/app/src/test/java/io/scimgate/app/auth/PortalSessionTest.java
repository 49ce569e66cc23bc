package io.scimgate.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Getting into the portal over real HTTP: portal links (single use, expiry, unknown codes), cookie sessions of
 * an operator and of a company admin, CSRF and Origin checks on cookie changes, sign-out, idle timeout, and
 * revocation that a second node honours at once.
 */
class PortalSessionTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withSecondNode();
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void aPortalLinkOpensItsTenantsScreenOnceAndOnlyThatTenant() {
    String acme = tenant("Acme");
    String globex = tenant("Globex");
    String url = link(acme, "{\"screen\":\"personnel/settings\",\"subject\":\"jane@acme.example\"}");
    assertThat(url).startsWith(gateway.url() + "/portal/login?code=");

    Reply opened = open(url);
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.header("Location")).isEqualTo("/portal/#/t/" + acme + "/personnel/settings");
    String setCookie = opened.header("Set-Cookie");
    assertThat(setCookie).startsWith(PortalSessions.COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
        .contains("Path=/").doesNotContain("Secure");
    String cookie = cookieOf(opened);

    JsonNode me = withCookie(cookie, "GET", "/admin/v1/session", null, Map.of()).json();
    assertThat(me.get("kind").asText()).isEqualTo("tenant");
    assertThat(me.get("tenantId").asText()).isEqualTo(acme);
    assertThat(me.get("tenantName").asText()).isEqualTo("Acme");
    assertThat(me.get("csrfToken").asText()).isNotBlank();
    assertThat(me.get("screen").asText()).isEqualTo("personnel/settings");
    assertThat(java.time.Instant.parse(me.get("expiresAt").asText())).isAfter(java.time.Instant.now().plusSeconds(3600));
    assertThat(withCookie(cookie, "GET", "/admin/v1/tenants/" + acme, null, Map.of()).status()).isEqualTo(200);
    assertThat(withCookie(cookie, "GET", "/admin/v1/tenants/" + globex, null, Map.of()).status()).isEqualTo(404);
    JsonNode listed = withCookie(cookie, "GET", "/admin/v1/tenants", null, Map.of()).json();
    assertThat(listed.get("total").asInt()).isEqualTo(1);
    assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(acme);

    Reply again = open(url);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("already used");
    assertThat(again.header("Set-Cookie")).isNull();
    assertThat(again.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
  }

  @Test
  void expiredAndUnknownLinksGetTheirOwnPages() throws Exception {
    String acme = tenant("Initech");
    String url = link(acme, "{\"ttlSeconds\":60}");
    gateway.sql("UPDATE portal_links SET expires_at = now() - interval '1 second'");
    Reply expired = open(url);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("expired");
    assertThat(expired.header("Content-Type")).startsWith("text/html");

    Reply unknown = open(gateway.url() + "/portal/login?code=nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("not valid");
    assertThat(open(gateway.url() + "/portal/login").status()).isEqualTo(404);
  }

  @Test
  void badLinkRequestsAreClear400s() {
    String acme = tenant("Umbrella");
    assertThat(admin.post("/admin/v1/tenants/" + acme + "/portal-links", "{\"screen\":\"billing\"}").status())
        .isEqualTo(400);
    assertThat(admin.post("/admin/v1/tenants/" + acme + "/portal-links", "{\"ttlSeconds\":86401}").status())
        .isEqualTo(400);
    assertThat(admin.post("/admin/v1/tenants/" + acme + "/portal-links", "{\"ttlSeconds\":59}").status())
        .isEqualTo(400);
    assertThat(admin.post("/admin/v1/tenants/00000000-0000-0000-0000-000000000000/portal-links", "{}").status())
        .isEqualTo(404);
  }

  @Test
  void cookieChangesNeedTheCsrfTokenAndTheGatewaysOrigin() {
    Reply signedIn = admin.post("/admin/v1/portal-sessions", null);
    assertThat(signedIn.status()).isEqualTo(204);
    String cookie = cookieOf(signedIn);
    JsonNode me = withCookie(cookie, "GET", "/admin/v1/session", null, Map.of()).json();
    assertThat(me.get("kind").asText()).isEqualTo("operator");
    String csrf = me.get("csrfToken").asText();
    String body = "{\"name\":\"Soylent\"}";

    assertThat(withCookie(cookie, "POST", "/admin/v1/tenants", body, Map.of()).status()).isEqualTo(403);
    assertThat(withCookie(cookie, "POST", "/admin/v1/tenants", body, Map.of(AdminAuthHandler.CSRF_HEADER, "forged"))
        .status()).isEqualTo(403);
    assertThat(withCookie(cookie, "POST", "/admin/v1/tenants", body,
        Map.of(AdminAuthHandler.CSRF_HEADER, csrf, "Origin", "https://evil.example")).status()).isEqualTo(403);
    Reply created = withCookie(cookie, "POST", "/admin/v1/tenants", body,
        Map.of(AdminAuthHandler.CSRF_HEADER, csrf, "Origin", origin(gateway.url())));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  @Test
  void signingOutEndsTheSession() {
    String cookie = cookieOf(open(link(tenant("Hooli"), "{}")));
    String csrf = withCookie(cookie, "GET", "/admin/v1/session", null, Map.of()).json().get("csrfToken").asText();
    Reply out = withCookie(cookie, "DELETE", "/admin/v1/session", null, Map.of(AdminAuthHandler.CSRF_HEADER, csrf));
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(withCookie(cookie, "GET", "/admin/v1/session", null, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void anIdleSessionEnds() throws Exception {
    String cookie = cookieOf(open(link(tenant("Vehement"), "{}")));
    assertThat(withCookie(cookie, "GET", "/admin/v1/session", null, Map.of()).status()).isEqualTo(200);
    gateway.sql("UPDATE portal_sessions SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = $1",
        PortalSessions.hash(cookie));
    Reply ended = withCookie(cookie, "GET", "/admin/v1/session", null, Map.of());
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.json().get("detail").asText()).contains("portal session has ended");
  }

  @Test
  void revokingATenantsSessionsHoldsOnASecondNodeWithinASecond() throws Exception {
    String acme = tenant("Massive Dynamic");
    String cookie = cookieOf(open(link(acme, "{}")));
    Http onSecond = new Http(gateway.secondNode().url(), null);
    assertThat(onSecond.send("GET", "/admin/v1/session", null, null, cookieHeader(cookie, Map.of())).status())
        .isEqualTo(200);
    assertThat(admin.delete("/admin/v1/tenants/" + acme + "/portal-sessions").status()).isEqualTo(204);
    long revokedAt = System.nanoTime();
    int status = 200;
    while (status == 200 && System.nanoTime() - revokedAt < 1_000_000_000L) {
      status = onSecond.send("GET", "/admin/v1/session", null, null, cookieHeader(cookie, Map.of())).status();
    }
    assertThat(status).isEqualTo(401);
  }

  private static String tenant(String name) {
    return admin.post("/admin/v1/tenants", "{\"name\":\"" + name + "\",\"scimEnabled\":true}").json()
        .get("id").asText();
  }

  private static String link(String tenantId, String body) {
    Reply made = admin.post("/admin/v1/tenants/" + tenantId + "/portal-links", body);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return made.json().get("url").asText();
  }

  private static Reply open(String url) {
    URI uri = URI.create(url);
    return gateway.anonymous().get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  static String cookieOf(Reply reply) {
    String header = reply.header("Set-Cookie");
    assertThat(header).as(reply.toString()).isNotNull();
    return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
  }

  private static Reply withCookie(String cookie, String method, String path, String body, Map<String, String> headers) {
    return gateway.anonymous().send(method, path, body, "application/json", cookieHeader(cookie, headers));
  }

  private static Map<String, String> cookieHeader(String cookie, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Cookie", PortalSessions.COOKIE + "=" + cookie);
    return all;
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
