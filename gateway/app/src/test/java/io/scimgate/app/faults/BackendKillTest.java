package io.scimgate.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.TestGateway;
import io.scimgate.persistence.Database;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL backends of the gateway killed again and again while IdP writes stream in: no acknowledged write is
 * lost, and every write that committed (acknowledged or not: its answer may have been cut off) has its audit row,
 * so the audit log accounts for every stored user. Bounded to about 20 seconds of writes.
 */
class BackendKillTest {
  private static final long WRITE_MILLIS = 20_000;
  private static final int WRITERS = 4;

  @Test
  void killedBackendsLoseNoAcknowledgedWrite() throws Exception {
    try (TestGateway gateway = TestGateway.start()) {
      ScimClient okta = gateway.newConnection("okta");
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger unanswered = new AtomicInteger();
      AtomicBoolean writing = new AtomicBoolean(true);
      Pool killer = Database.pool(gateway.vertx(), gateway.databaseUrl(), 1);
      ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> writers = new ArrayList<>();
      int kills;
      try {
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          writers.add(threads.submit(() -> write(okta, writer, writing, acknowledged, unanswered)));
        }
        kills = killUntil(killer, System.currentTimeMillis() + WRITE_MILLIS);
        writing.set(false);
        for (Future<?> writer : writers) {
          writer.get(60, TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }
      try {
        assertThat(kills).as("backends killed").isGreaterThan(20);
        assertThat(acknowledged).as("writes acknowledged despite the kills").isNotEmpty();
        Set<String> stored = ids(killer, "SELECT id::text FROM scim_users");
        assertThat(stored).as("every acknowledged write is stored").containsAll(acknowledged);
        Set<String> audited = ids(killer, "SELECT resource_id FROM audit_log WHERE action = 'create'"
            + " AND resource_type = 'User'");
        assertThat(audited).as("the audit log accounts for every stored user, answered or not").isEqualTo(stored);
        System.out.printf("backend kills: %d, acknowledged: %d, answers lost or failed: %d, stored: %d%n", kills,
            acknowledged.size(), unanswered.get(), stored.size());
      } finally {
        killer.close();
      }
    }
  }

  private static Void write(ScimClient okta, int writer, AtomicBoolean writing, Set<String> acknowledged,
      AtomicInteger unanswered) {
    for (int n = 0; writing.get(); n++) {
      try {
        Reply reply = okta.scim().post("/Users", Fixtures.oktaUser("kill-" + writer + "-" + n + "@example.com"));
        if (reply.status() == 201) {
          acknowledged.add(reply.json().get("id").asText());
        } else {
          assertThat(reply.status()).as(reply.toString()).isIn(500, 503);
          unanswered.incrementAndGet();
        }
      } catch (UncheckedIOException cutOff) {
        unanswered.incrementAndGet();
      }
    }
    return null;
  }

  /** Terminates the gateway's backends (every one but the killer's) every 100 ms; how many it killed. */
  private static int killUntil(Pool killer, long deadline) throws Exception {
    int kills = 0;
    while (System.currentTimeMillis() < deadline) {
      kills += killer.query("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
          .execute().await(10, TimeUnit.SECONDS).iterator().next().getInteger(0);
      Thread.sleep(100);
    }
    return kills;
  }

  private static Set<String> ids(Pool pool, String query) throws Exception {
    Set<String> ids = new HashSet<>();
    for (Row row : pool.query(query).execute().await(30, TimeUnit.SECONDS)) {
      ids.add(row.getString(0));
    }
    return ids;
  }
}
