package io.scimgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.persistence.Database;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backfill watched through the admin API: the auto-invite settings' {@code progress} counts the people still to
 * invite while the relay has not reached the tenant's event, then the invitations still to send and those given
 * up on. This node has no e-mail channel and gives up after one attempt, so every invitation mail ends dead.
 */
class AutoInviteProgressTest {
  /** The relay's per-tenant lock space (PendingEvents): holding a tenant's key keeps the relay off its events. */
  private static final int RELAY_LOCK_SPACE = 7644;

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.DELIVERY_MAX_ATTEMPTS, "1", ConfigLoader.INVITES_POLL_MS, "100"));
  private static Http admin;

  @BeforeAll
  static void setUp() {
    admin = gateway.admin();
  }

  @Test
  void aBackfillCountsDownFromToInviteToSentOrFailed() throws Exception {
    ScimClient client = gateway.newConnection("okta");
    String ann = user(client, "ann@acme.example");
    String bob = user(client, "bob@acme.example");
    String cid = user(client, "cid@acme.example");
    String sales = group(client, "Sales", ann, bob, cid);
    awaitProgress(client, 0, 0, 0);
    awaitPeople(client, 3);
    assertProgress(admin.get(path(client)).json(), 0, 0, 0);

    try (RelayHold held = RelayHold.of(client.tenantId())) {
      Reply saved = admin.put(path(client), "{\"enabled\":true,\"groupIds\":[\"" + sales + "\"]}");
      assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
      assertProgress(saved.json(), 3, 0, 0);
      Thread.sleep(300); // three relay polls, all kept off this tenant
      assertProgress(admin.get(path(client)).json(), 3, 0, 0);
    }

    // the relay invites all three at once; each mail fails at its only attempt (no e-mail channel here)
    awaitProgress(client, 0, 0, 3);
    // invitations, and so their deliveries, belong to the person (V013), not to the SCIM user
    String annPerson = gateway.sql("SELECT person_id FROM person_identities WHERE user_id = $1::uuid", ann);
    gateway.sql("UPDATE deliveries SET status = 'pending', next_attempt_at = now() + interval '1 hour'"
        + " WHERE tenant_id = $1 AND id = $2", UUID.fromString(client.tenantId()), "invite:" + annPerson + ":1");
    assertProgress(admin.get(path(client)).json(), 0, 1, 2);
  }

  @Test
  void aTenantWithoutSettingsHasNothingInProgress() {
    ScimClient client = gateway.newConnection("okta");
    group(client, "Sales", user(client, "dee@acme.example"));
    assertProgress(admin.get(path(client)).json(), 0, 0, 0);
  }

  private static void assertProgress(JsonNode settings, long toInvite, long toSend, long failed) {
    JsonNode progress = settings.get("progress");
    assertThat(progress.get("toInvite").asLong()).as(settings.toString()).isEqualTo(toInvite);
    assertThat(progress.get("toSend").asLong()).as(settings.toString()).isEqualTo(toSend);
    assertThat(progress.get("failed").asLong()).as(settings.toString()).isEqualTo(failed);
    assertThat(progress.size()).isEqualTo(3);
  }

  private static void awaitProgress(ScimClient client, long toInvite, long toSend, long failed)
      throws InterruptedException {
    String expected = "{\"toInvite\":" + toInvite + ",\"toSend\":" + toSend + ",\"failed\":" + failed + "}";
    long deadline = System.currentTimeMillis() + 10_000;
    while (!admin.get(path(client)).json().get("progress").toString().equals(expected)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertProgress(admin.get(path(client)).json(), toInvite, toSend, failed);
  }

  private static void awaitPeople(ScimClient client, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (admin.get("/admin/v1/tenants/" + client.tenantId() + "/personnel").json().get("total").asInt() < count) {
      assertThat(System.currentTimeMillis()).as("the relay made the people").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** A database session holding the tenant's relay lock until closed. */
  private record RelayHold(PgConnection session) implements AutoCloseable {
    static RelayHold of(String tenantId) throws Exception {
      PgConnection session = PgConnection.connect(gateway.vertx(), Database.connectOptions(gateway.databaseUrl()))
          .await(10, TimeUnit.SECONDS);
      session.preparedQuery("SELECT pg_advisory_lock($1, hashtext($2))")
          .execute(Tuple.of(RELAY_LOCK_SPACE, tenantId)).await(10, TimeUnit.SECONDS);
      return new RelayHold(session);
    }

    @Override
    public void close() throws Exception {
      session.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static String user(ScimClient client, String userName) {
    Reply created = client.scim().post("/Users", Fixtures.oktaUser(userName));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static String group(ScimClient client, String name, String... memberIds) {
    Reply created = client.scim().post("/Groups", Fixtures.group(name, memberIds));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static String path(ScimClient client) {
    return "/admin/v1/tenants/" + client.tenantId() + "/auto-invites";
  }
}
