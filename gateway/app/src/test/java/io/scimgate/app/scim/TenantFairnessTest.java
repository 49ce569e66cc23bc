package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.persistence.Database;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One tenant's heavy searches neither take the whole pool from other tenants nor run unbounded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenantFairnessTest {
  private static final int HEAVY_ROWS = 20_000;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.DATABASE_POOL_SIZE, "4", ConfigLoader.TENANT_MAX_RUNNING_REQUESTS, "1",
      ConfigLoader.TENANT_MAX_QUEUED_REQUESTS, "32", ConfigLoader.DATABASE_POOL_WAIT_MS, "20000",
      ConfigLoader.DATABASE_STATEMENT_TIMEOUT_MS, "20000"));
  private static ScimClient heavy;
  private static ScimClient victim;
  private static String victimUserId;

  @BeforeAll
  static void setUp() throws Exception {
    heavy = gateway.newConnection("okta");
    victim = gateway.newConnection("custom");
    victimUserId = victim.scim().post("/Users", Fixtures.oktaUser("victim@corp.local")).json().get("id").asText();
    seedLargeUsers(heavy);
  }

  /** Users with an 8 KB title each, written directly (no outbox events: the pipeline stays idle). */
  private static void seedLargeUsers(ScimClient client) throws Exception {
    PgConnection db = PgConnection.connect(gateway.vertx(), Database.connectOptions(gateway.databaseUrl()))
        .await(10, TimeUnit.SECONDS);
    try {
      db.query("SET session_replication_role = replica").execute().await(10, TimeUnit.SECONDS);
      db.preparedQuery("INSERT INTO scim_users (id, tenant_id, connection_id, user_name, active, doc, version, "
          + "created_at, modified_at) SELECT gen_random_uuid(), $1, $2, 'bulk' || i, true, jsonb_build_object("
          + "'schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', 'bulk' || i, "
          + "'title', repeat(md5(i::text), 256)), 1, now(), now() FROM generate_series(1, $3) AS i")
          .execute(Tuple.of(UUID.fromString(client.tenantId()), UUID.fromString(client.connectionId()), HEAVY_ROWS))
          .await(30, TimeUnit.SECONDS);
    } finally {
      db.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anotherTenantsSimpleGetStaysFastUnderSixteenHeavySearches() throws Exception {
    assertThat(victim.scim().get("/Users/" + victimUserId).status()).isEqualTo(200);
    String search = "/Users?filter=" + Http.encode("title co \"no-such-title\"");
    List<CompletableFuture<Reply>> searches = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      searches.add(CompletableFuture.supplyAsync(() -> heavy.scim().get(search)));
    }
    Thread.sleep(300);
    long slowest = 0;
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long started = System.nanoTime();
      Reply reply = victim.scim().get("/Users/" + victimUserId);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      slowest = Math.max(slowest, millis);
      latencies.add(millis);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      Thread.sleep(200);
    }
    System.out.printf("victim tenant GET under 16 heavy searches: %s ms%n", latencies);
    assertThat(slowest).isLessThan(3000);
    for (CompletableFuture<Reply> search1 : searches) {
      assertThat(search1.get(50, TimeUnit.SECONDS).status()).isIn(200, 429, 503);
    }
  }

  @Test
  void unindexedPatternFiltersAreBoundedInTermsAndLength() {
    String manyTerms = String.join(" or ", java.util.Collections.nCopies(5, "title co \"x\""));
    assertLimit(heavy.scim().get("/Users?filter=" + Http.encode(manyTerms)), "at most");
    String longValue = "title co \"" + "x".repeat(300) + "\"";
    assertLimit(heavy.scim().get("/Users?filter=" + Http.encode(longValue)), "characters");
    assertThat(heavy.scim().get("/Users?filter=" + Http.encode("title sw \"abc\" and nickName ew \"z\"")).status())
        .isEqualTo(200);
  }

  private static void assertLimit(Reply reply, String naming) {
    assertScimError(reply, 400, "invalidFilter");
    assertThat(reply.json().get("detail").asText()).contains(naming);
  }
}
