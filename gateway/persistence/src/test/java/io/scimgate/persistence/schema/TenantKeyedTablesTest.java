package io.scimgate.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.testing.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every table carries {@code tenant_id}, so that the store can be distributed by tenant (Citus) without a table
 * that cannot be co-located with its tenant's rows. The exceptions are not tenant data, and each says why.
 */
class TenantKeyedTablesTest {
  private static final Map<String, String> NOT_TENANT_DATA = Map.of(
      "tenants", "the tenants themselves (their id is the distribution key: a reference table under Citus)",
      "schema_migrations", "the schema's own version, one row per migration",
      "gateway_nodes", "the gateway nodes' heartbeats (cluster size for the request budgets), not any tenant's",
      "portal_sessions", "has tenant_id, null for an operator's session (signed in for no tenant): under Citus a"
          + " local table, as sessions are read by their hash only");
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void migrate() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
  }

  @Test
  void everyTableButTheListedOnesHasANotNullTenantId() throws Exception {
    TreeSet<String> without = new TreeSet<>();
    for (Row row : pool.query("SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = 'public'"
        + " AND t.table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.columns c"
        + " WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'tenant_id'"
        + " AND c.is_nullable = 'NO')").execute().await(30, TimeUnit.SECONDS)) {
      without.add(row.getString(0));
    }
    assertThat(without).as("tables without a NOT NULL tenant_id").isEqualTo(new TreeSet<>(NOT_TENANT_DATA.keySet()));
  }
}
