package io.scimgate.persistence.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.testing.ChangeNoticeRecorder;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connection repository without HTTP, against a real PostgreSQL: settings round trip, the status lifecycle
 * (deleted is final), token rotation (one generation at a time, optimistic, with the previous generation's grace),
 * the tenant's SCIM flag joined in, that one tenant cannot change another's connection, and that every change is
 * audited and announced on {@code scimgate_connections} at commit, which is how every node's connection view
 * learns of it (a change that changed nothing announces nothing).
 */
class ConnectionRepositoryTest {
  private static final String OKTA = "Okta SCIM - ";
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;
  private static ConnectionRepository connections;
  private static ChangeNoticeRecorder notices;
  private static UUID tenant;
  private static UUID otherTenant;

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    connections = new ConnectionRepository(pool);
    tenant = UUID.randomUUID();
    otherTenant = UUID.randomUUID();
    db.sql("INSERT INTO tenants (id, name, scim_enabled) VALUES ($1, 'Acme', true), ($2, 'Globex', false)", tenant,
        otherTenant);
    notices = ChangeNoticeRecorder.listen(vertx, db.url());
  }

  @AfterAll
  static void stop() throws Exception {
    notices.close();
  }

  @Test
  void aNewConnectionIsEnabledAtGenerationOneWithItsSettingsAuditedAndAnnounced() throws Exception {
    UUID id = UUID.randomUUID();
    AdminConnectionSettings settings = new AdminConnectionSettings("Okta production", OKTA,
        Map.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "externalId"),
        new RateLimit(50, 100), true);
    ScimConnection created = connections.create(id, "okta", settings, "fp-1", ctx(tenant, id))
        .await(10, TimeUnit.SECONDS);

    assertThat(created.id()).isEqualTo(id);
    assertThat(created.tenantId()).isEqualTo(tenant);
    assertThat(created.vendor()).isEqualTo("okta");
    assertThat(settingsOf(created)).isEqualTo(settings);
    assertThat(created.status()).isEqualTo(ConnectionStatus.ENABLED);
    assertThat(created.tokenGeneration()).isEqualTo(1);
    assertThat(created.tokenFingerprint()).isEqualTo("fp-1");
    assertThat(created.previousTokenGeneration()).isNull();
    assertThat(created.tenantScimEnabled()).isTrue();
    assertThat(connections.get(id).await(10, TimeUnit.SECONDS)).isEqualTo(created);
    notices.until("c:" + id);
    assertThat(auditActions(id)).containsExactly("connection_create");

    UUID plain = UUID.randomUUID();
    ScimConnection defaults = connections.create(plain, "custom", new AdminConnectionSettings("Plain", "Custom - ",
        null), "fp", ctx(otherTenant, plain)).await(10, TimeUnit.SECONDS);
    assertThat(defaults.attributeMappings()).isEmpty();
    assertThat(defaults.rateLimit()).as("the operator's default budget").isNull();
    assertThat(defaults.advertisePagination()).isFalse();
    assertThat(defaults.tenantScimEnabled()).isFalse();
  }

  @Test
  void settingsRoundTripAndOnlyTheOwningTenantCanChangeThem() throws Exception {
    UUID id = created(tenant);
    ScimConnection before = connections.get(id).await(10, TimeUnit.SECONDS);
    AdminConnectionSettings changed = new AdminConnectionSettings("Renamed", "Acme IT - ", Map.of("nickName", "displayName"),
        new RateLimit(5, 10), true);

    ScimConnection updated = connections.updateSettings(tenant, id, changed, ctx(tenant, id))
        .await(10, TimeUnit.SECONDS);
    assertThat(settingsOf(updated)).isEqualTo(changed);
    assertThat(updated.updatedAt()).isAfter(before.updatedAt());
    assertThat(updated.tokenGeneration()).as("settings leave the token alone").isEqualTo(1);
    assertThat(settingsOf(connections.get(id).await(10, TimeUnit.SECONDS))).isEqualTo(changed);
    notices.until("c:" + id);

    AdminConnectionSettings hijack = new AdminConnectionSettings("Hijacked", "X - ", Map.of());
    assertThat(connections.updateSettings(otherTenant, id, hijack, ctx(otherTenant, id)).await(10, TimeUnit.SECONDS))
        .isNull();
    assertThat(connections.updateSettings(tenant, UUID.randomUUID(), hijack, ctx(tenant, null))
        .await(10, TimeUnit.SECONDS)).isNull();
    assertThat(settingsOf(connections.get(id).await(10, TimeUnit.SECONDS))).isEqualTo(changed);
    assertThat(auditActions(id)).containsExactly("connection_create", "connection_settings");
    assertNothingAnnouncedFor(id);
  }

  @Test
  void aConnectionIsDisabledAndEnabledAgainButDeletedForGood() throws Exception {
    UUID id = created(tenant);
    UUID kept = created(tenant);

    assertThat(connections.setStatus(tenant, id, ConnectionStatus.DISABLED, ctx(tenant, id))
        .await(10, TimeUnit.SECONDS).status()).isEqualTo(ConnectionStatus.DISABLED);
    notices.until("c:" + id);
    assertThat(connections.setStatus(otherTenant, id, ConnectionStatus.ENABLED, ctx(otherTenant, id))
        .await(10, TimeUnit.SECONDS)).as("another tenant's connection").isNull();
    assertThat(connections.get(id).await(10, TimeUnit.SECONDS).status()).isEqualTo(ConnectionStatus.DISABLED);
    assertNothingAnnouncedFor(id);
    assertThat(connections.setStatus(tenant, id, ConnectionStatus.ENABLED, ctx(tenant, id))
        .await(10, TimeUnit.SECONDS).status()).isEqualTo(ConnectionStatus.ENABLED);
    notices.until("c:" + id);
    assertThat(connections.setStatus(tenant, id, ConnectionStatus.DELETED, ctx(tenant, id))
        .await(10, TimeUnit.SECONDS).status()).isEqualTo(ConnectionStatus.DELETED);
    notices.until("c:" + id);

    assertThat(connections.setStatus(tenant, id, ConnectionStatus.ENABLED, ctx(tenant, id))
        .await(10, TimeUnit.SECONDS)).as("deleted is final").isNull();
    assertThat(connections.updateSettings(tenant, id, new AdminConnectionSettings("Back", OKTA, Map.of()),
        ctx(tenant, id)).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(connections.rotateToken(tenant, id, 1, "fp-2", null, ctx(tenant, id)).await(10, TimeUnit.SECONDS))
        .isNull();
    assertNothingAnnouncedFor(id);
    assertThat(connections.get(id).await(10, TimeUnit.SECONDS).status()).as("its rows stay readable")
        .isEqualTo(ConnectionStatus.DELETED);
    assertThat(connections.listByTenant(tenant).await(10, TimeUnit.SECONDS)).extracting(ScimConnection::id)
        .contains(kept).doesNotContain(id);
    assertThat(connections.listActive().await(10, TimeUnit.SECONDS)).extracting(ScimConnection::id)
        .contains(kept).doesNotContain(id);
    assertThat(auditActions(id)).containsExactly("connection_create", "connection_disabled", "connection_enabled",
        "connection_deleted");
  }

  @Test
  void aRotationMovesOneGenerationOnAndTheOldOneWorksUntilItsGraceEnds() throws Exception {
    UUID id = created(tenant);
    Instant graceUntil = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);

    ScimConnection rotated = connections.rotateToken(tenant, id, 1, "fp-2", graceUntil, ctx(tenant, id))
        .await(10, TimeUnit.SECONDS);
    assertThat(rotated.tokenGeneration()).isEqualTo(2);
    assertThat(rotated.tokenFingerprint()).isEqualTo("fp-2");
    assertThat(rotated.previousTokenGeneration()).isEqualTo(1);
    assertThat(rotated.previousTokenValidUntil()).isEqualTo(graceUntil);
    assertThat(rotated.acceptsGeneration(2, Instant.now())).isTrue();
    assertThat(rotated.acceptsGeneration(1, Instant.now())).isTrue();
    assertThat(rotated.acceptsGeneration(1, graceUntil.plusSeconds(1))).isFalse();
    notices.until("c:" + id);

    assertThat(connections.rotateToken(tenant, id, 1, "fp-lost", null, ctx(tenant, id)).await(10, TimeUnit.SECONDS))
        .as("a rotation from a generation that is gone lost a race").isNull();
    assertThat(connections.rotateToken(otherTenant, id, 2, "fp-x", null, ctx(otherTenant, id))
        .await(10, TimeUnit.SECONDS)).isNull();
    assertThat(connections.get(id).await(10, TimeUnit.SECONDS).tokenFingerprint()).isEqualTo("fp-2");
    assertNothingAnnouncedFor(id);

    ScimConnection cut = connections.rotateToken(tenant, id, 2, "fp-3", null, ctx(tenant, id))
        .await(10, TimeUnit.SECONDS);
    assertThat(cut.tokenGeneration()).isEqualTo(3);
    assertThat(cut.previousTokenGeneration()).as("no grace: the old token stops at once").isNull();
    assertThat(cut.acceptsGeneration(2, Instant.now())).isFalse();
    assertThat(auditActions(id)).containsExactly("connection_create", "token_rotate", "token_rotate");
  }

  @Test
  void theTenantsConnectionsAreListedOldestFirstWithTheTenantsScimFlag() throws Exception {
    UUID first = created(otherTenant);
    UUID second = created(otherTenant);
    assertThat(connections.listByTenant(otherTenant).await(10, TimeUnit.SECONDS))
        .filteredOn(c -> c.id().equals(first) || c.id().equals(second))
        .extracting(ScimConnection::id).containsExactly(first, second);
    assertThat(connections.listByTenant(otherTenant).await(10, TimeUnit.SECONDS))
        .allSatisfy(c -> assertThat(c.tenantId()).isEqualTo(otherTenant));

    db.sql("UPDATE tenants SET scim_enabled = true WHERE id = $1", otherTenant);
    assertThat(connections.get(first).await(10, TimeUnit.SECONDS).tenantScimEnabled()).isTrue();
    db.sql("UPDATE tenants SET scim_enabled = false WHERE id = $1", otherTenant);
    assertThat(connections.get(first).await(10, TimeUnit.SECONDS).tenantScimEnabled()).isFalse();
    assertThat(connections.get(UUID.randomUUID()).await(10, TimeUnit.SECONDS)).isNull();
  }

  /** A change that changed nothing must not be announced: a later change's notice comes with none before it. */
  private static void assertNothingAnnouncedFor(UUID id) throws Exception {
    UUID marker = UUID.randomUUID();
    create(tenant, marker);
    assertThat(notices.until("c:" + marker)).doesNotContain("c:" + id);
  }

  /** A new connection of {@code tenantId}, its creation's notice heard. */
  private static UUID created(UUID tenantId) throws Exception {
    UUID id = UUID.randomUUID();
    create(tenantId, id);
    notices.until("c:" + id);
    return id;
  }

  private static void create(UUID tenantId, UUID id) throws Exception {
    connections.create(id, "okta", new AdminConnectionSettings("Okta", OKTA, Map.of()), "fp-1", ctx(tenantId, id))
        .await(10, TimeUnit.SECONDS);
  }

  private static AdminConnectionSettings settingsOf(ScimConnection connection) {
    return new AdminConnectionSettings(connection.name(), connection.groupPrefix(), connection.attributeMappings(),
        connection.rateLimit(), connection.advertisePagination());
  }

  private static AuditContext ctx(UUID tenantId, UUID connectionId) {
    return new AuditContext(tenantId, connectionId, "admin:test", "req-" + UUID.randomUUID());
  }

  private static List<String> auditActions(UUID connectionId) throws Exception {
    List<String> actions = new ArrayList<>();
    pool.preparedQuery("SELECT action FROM audit_log WHERE resource_type = 'Connection' AND resource_id = $1"
            + " ORDER BY id").execute(Tuple.of(connectionId.toString())).await(10, TimeUnit.SECONDS)
        .forEach(row -> actions.add(row.getString(0)));
    return actions;
  }
}
