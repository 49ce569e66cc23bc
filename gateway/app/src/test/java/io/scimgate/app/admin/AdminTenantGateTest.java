package io.scimgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TableLock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant's admin requests take their turn with its SCIM requests: while the tenant's one slot is held, its
 * admin request is refused with 429 at once, and another tenant's admin requests go on.
 */
class AdminTenantGateTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.TENANT_MAX_RUNNING_REQUESTS, "1", ConfigLoader.TENANT_MAX_QUEUED_REQUESTS, "0",
      ConfigLoader.DATABASE_STATEMENT_TIMEOUT_MS, "20000"));
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void aBusyTenantsAdminRequestsWaitTheirTurnAndOtherTenantsGoOn() throws Exception {
    ScimClient busy = gateway.newConnection("okta");
    ScimClient other = gateway.newConnection("okta");
    assertThat(admin.get("/admin/v1/tenants/" + busy.tenantId()).status()).as("one slot, one admission").isEqualTo(200);
    CompletableFuture<Reply> holding;
    try (TableLock lock = TableLock.exclusive(gateway.vertx(), gateway.databaseUrl(), "scim_users")) {
      holding = CompletableFuture.supplyAsync(() -> busy.scim().get("/Users"));
      awaitBlockedOnTheLock();
      Reply refused = admin.get("/admin/v1/tenants/" + busy.tenantId() + "/personnel");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isNotBlank();
      assertThat(admin.get("/admin/v1/tenants/" + other.tenantId() + "/personnel").status()).isEqualTo(200);
    }
    assertThat(holding.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(admin.get("/admin/v1/tenants/" + busy.tenantId() + "/personnel").status()).isEqualTo(200);
  }

  @Test
  void singleResourceWritesHaveSlotsOfTheirOwn() throws Exception {
    ScimClient busy = gateway.newConnection("okta");
    CompletableFuture<Reply> holding;
    try (TableLock lock = TableLock.exclusive(gateway.vertx(), gateway.databaseUrl(), "scim_groups")) {
      holding = CompletableFuture.supplyAsync(() -> busy.scim().get("/Groups"));
      awaitBlockedOnTheLock("scim_groups");
      assertThat(busy.scim().get("/Users").status()).as("the reads' one slot is taken").isEqualTo(429);
      Reply created = busy.scim().post("/Users", "{\"userName\":\"written.meanwhile@example.com\"}");
      assertThat(created.status()).as("a write does not wait for the reads' slot: " + created).isEqualTo(201);
    }
    assertThat(holding.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  /** Until the busy tenant's SCIM request holds its slot, waiting in PostgreSQL for the table lock. */
  private static void awaitBlockedOnTheLock() throws Exception {
    awaitBlockedOnTheLock("scim_users");
  }

  private static void awaitBlockedOnTheLock(String table) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!"true".equals(gateway.sql("SELECT count(*) > 0 FROM pg_stat_activity WHERE datname = current_database()"
        + " AND wait_event_type = 'Lock' AND query LIKE '%" + table + "%'"))) {
      assertThat(System.currentTimeMillis()).as("the SCIM request reached the lock").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
