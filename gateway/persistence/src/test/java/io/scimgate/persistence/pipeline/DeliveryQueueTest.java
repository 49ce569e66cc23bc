package io.scimgate.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.testing.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deliveries queue's claims and outcomes against a real PostgreSQL: a send whose lease ran out, and whose row
 * another node claimed again, must not overwrite the newer claim's outcome (a delivered webhook put back to
 * pending and sent again, or dead-lettered after it was delivered).
 */
class DeliveryQueueTest {
  private static final Room ROOM = new Room(Map.of(), 4, 10, 10);
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;
  private static UUID tenant;

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    tenant = UUID.randomUUID();
    db.sql("INSERT INTO tenants (id, name) VALUES ($1, 'Acme')", tenant);
  }

  @Test
  void theLateOutcomeOfAnExpiredClaimChangesNothing() throws Exception {
    String id = delivery();
    DeliveryQueue shortLease = new DeliveryQueue(pool, Duration.ofMillis(200));
    DueDelivery first = only(shortLease.claim(10, ROOM).await(10, TimeUnit.SECONDS), id);
    Thread.sleep(400); // the first claim's lease runs out while its send is still out
    DueDelivery second = only(new DeliveryQueue(pool, Duration.ofMinutes(1)).claim(10, ROOM)
        .await(10, TimeUnit.SECONDS), id);
    assertThat(second.attempts()).isEqualTo(first.attempts() + 1);

    // the first send's 503 comes back while the second send is still out, then the second one succeeds
    assertThat(shortLease.retryLater(first, Duration.ofHours(1), "the receiver answered 503")
        .await(10, TimeUnit.SECONDS)).as("a stale claim's retry").isFalse();
    assertThat(shortLease.sent(second).await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(shortLease.dead(first, "gone").await(10, TimeUnit.SECONDS)).as("a stale claim's dead letter")
        .isFalse();
    Row row = pool.preparedQuery("SELECT status, last_error, attempts FROM deliveries WHERE id = $1")
        .execute(Tuple.of(id)).await(10, TimeUnit.SECONDS).iterator().next();
    assertThat(row.getString("status")).isEqualTo("sent");
    assertThat(row.getString("last_error")).isNull();
    assertThat(row.getInteger("attempts")).isEqualTo(2);
  }

  @Test
  void theCurrentClaimRecordsItsOutcome() throws Exception {
    String id = delivery();
    DeliveryQueue queue = new DeliveryQueue(pool, Duration.ofMinutes(1));
    DueDelivery claim = only(queue.claim(10, ROOM).await(10, TimeUnit.SECONDS), id);
    assertThat(queue.retryLater(claim, Duration.ZERO, "the receiver answered 500").await(10, TimeUnit.SECONDS))
        .isTrue();
    DueDelivery again = only(queue.claim(10, ROOM).await(10, TimeUnit.SECONDS), id);
    assertThat(queue.dead(again, "the receiver answered 410").await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(queue.sent(again).await(10, TimeUnit.SECONDS)).as("already dead-lettered").isFalse();
    assertThat(pool.preparedQuery("SELECT status FROM deliveries WHERE id = $1").execute(Tuple.of(id))
        .await(10, TimeUnit.SECONDS).iterator().next().getString("status")).isEqualTo("dead");
  }

  private static DueDelivery only(List<DueDelivery> claimed, String id) {
    assertThat(claimed).extracting(DueDelivery::id).containsExactly(id);
    return claimed.get(0);
  }

  private static String delivery() throws Exception {
    String id = "webhook:user.created:" + UUID.randomUUID();
    db.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, status, occurred_at)"
        + " VALUES ($1, $2, 'webhook', 'user.created', '{}'::jsonb, 'pending', now())", id, tenant);
    return id;
  }
}
