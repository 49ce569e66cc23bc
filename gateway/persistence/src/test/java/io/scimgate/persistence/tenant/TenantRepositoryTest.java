package io.scimgate.persistence.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.testing.ChangeNoticeRecorder;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tenant repository without HTTP, against a real PostgreSQL: a tenant reads back as created; turning SCIM on
 * and off is audited and announced at commit as {@code t:<tenantId>} (every node's connection view reloads the
 * tenant's connections on it), and an unknown tenant changes and announces nothing; the list pages without overlap
 * and its name search is a plain, case-insensitive substring (no LIKE wildcards), counted the same way.
 */
class TenantRepositoryTest {
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;
  private static TenantRepository tenants;
  private static ChangeNoticeRecorder notices;

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    tenants = new TenantRepository(pool);
    notices = ChangeNoticeRecorder.listen(vertx, db.url());
  }

  @AfterAll
  static void stop() throws Exception {
    notices.close();
  }

  @Test
  void aTenantReadsBackAsCreated() throws Exception {
    UUID id = UUID.randomUUID();
    Tenant created = tenants.create(id, "Initech", true).await(10, TimeUnit.SECONDS);
    assertThat(created.id()).isEqualTo(id);
    assertThat(created.name()).isEqualTo("Initech");
    assertThat(created.scimEnabled()).isTrue();
    assertThat(created.updatedAt()).isEqualTo(created.createdAt());
    assertThat(tenants.get(id).await(10, TimeUnit.SECONDS)).isEqualTo(created);
    assertThat(tenants.get(UUID.randomUUID()).await(10, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void turningScimOnAndOffIsAuditedAndAnnouncedAndAnUnknownTenantChangesNothing() throws Exception {
    UUID id = UUID.randomUUID();
    Tenant created = tenants.create(id, "Umbrella", false).await(10, TimeUnit.SECONDS);

    Tenant on = tenants.setScimEnabled(id, true, operator(id)).await(10, TimeUnit.SECONDS);
    assertThat(on.scimEnabled()).isTrue();
    assertThat(on.updatedAt()).isAfter(created.updatedAt());
    assertThat(on.createdAt()).isEqualTo(created.createdAt());
    notices.until("t:" + id);
    Tenant off = tenants.setScimEnabled(id, false, operator(id)).await(10, TimeUnit.SECONDS);
    assertThat(off.scimEnabled()).isFalse();
    assertThat(tenants.get(id).await(10, TimeUnit.SECONDS)).isEqualTo(off);
    notices.until("t:" + id);
    assertThat(auditActions(id)).containsExactly("scim_enable admin:ops", "scim_disable admin:ops");

    UUID unknown = UUID.randomUUID();
    assertThat(tenants.setScimEnabled(unknown, true, operator(unknown)).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(auditActions(unknown)).isEmpty();
    UUID marker = UUID.randomUUID();
    tenants.create(marker, "Marker", false).await(10, TimeUnit.SECONDS);
    tenants.setScimEnabled(marker, true, operator(marker)).await(10, TimeUnit.SECONDS);
    assertThat(notices.until("t:" + marker)).doesNotContain("t:" + unknown);
  }

  @Test
  void theListPagesOldestFirstWithoutOverlapAndSearchesNamesAsPlainText() throws Exception {
    String mark = "lst" + UUID.randomUUID().toString().substring(0, 8);
    List<String> names = List.of(mark + " Alpha", mark + " 100% Beta", mark + " Gamma_Delta", mark + " GAMMAXDELTA",
        mark + " alpha two");
    List<UUID> ids = new ArrayList<>();
    for (String name : names) {
      UUID id = UUID.randomUUID();
      tenants.create(id, name, false).await(10, TimeUnit.SECONDS);
      ids.add(id);
    }

    List<UUID> paged = new ArrayList<>();
    for (int offset = 0; offset < names.size(); offset += 2) {
      tenants.list(mark, offset, 2).await(10, TimeUnit.SECONDS).forEach(t -> paged.add(t.id()));
    }
    assertThat(paged).as("oldest first, each once").isEqualTo(ids);
    assertThat(tenants.count(mark).await(10, TimeUnit.SECONDS)).isEqualTo(names.size());

    assertThat(namesMatching(mark.toUpperCase() + " ALPHA")).containsExactly(mark + " Alpha", mark + " alpha two");
    assertThat(namesMatching("100%")).containsExactly(mark + " 100% Beta");
    assertThat(namesMatching("a_d")).as("an underscore is an underscore, not any character")
        .containsExactly(mark + " Gamma_Delta");
    assertThat(tenants.count("a_d").await(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(tenants.count(null).await(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(names.size());
  }

  private static List<String> namesMatching(String search) throws Exception {
    return tenants.list(search, 0, 100).await(10, TimeUnit.SECONDS).stream().map(Tenant::name).toList();
  }

  private static AuditContext operator(UUID tenantId) {
    return new AuditContext(tenantId, null, "admin:ops", "req-" + UUID.randomUUID());
  }

  private static List<String> auditActions(UUID tenantId) throws Exception {
    List<String> actions = new ArrayList<>();
    pool.preparedQuery("SELECT action, actor FROM audit_log WHERE resource_type = 'Tenant' AND resource_id = $1"
            + " ORDER BY id").execute(Tuple.of(tenantId.toString())).await(10, TimeUnit.SECONDS)
        .forEach(row -> actions.add(row.getString(0) + " " + row.getString(1)));
    return actions;
  }
}
