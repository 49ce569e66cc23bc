package io.scimgate.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.config.RateLimitConfig;
import io.scimgate.persistence.connection.ConnectionStatus;
import io.scimgate.persistence.connection.RateLimit;
import io.scimgate.persistence.connection.ScimConnection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The budgets' arithmetic on a fake clock: bursts, refill, Retry-After, and each node's share of the cluster. */
class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstIsGrantedThenTheRateRefillsIt() {
    RateLimiter limiter = new RateLimiter(new RateLimitConfig(new RateLimit(10, 5), null), () -> 1);
    ScimConnection connection = connection(null);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.admit(connection, 0)).isNull();
    }
    RateLimiter.Refusal refused = limiter.admit(connection, 0);
    assertThat(refused.scope()).isEqualTo("connection");
    assertThat(refused.retryAfterNanos()).isEqualTo(SECOND / 10);
    assertThat(limiter.admit(connection, SECOND / 10)).isNull();
    assertThat(limiter.admit(connection, SECOND / 10)).isNotNull();
  }

  @Test
  void eachNodeEnforcesItsShareOfTheClustersBudget() {
    AtomicInteger nodes = new AtomicInteger(2);
    RateLimiter limiter = new RateLimiter(new RateLimitConfig(new RateLimit(10, 10), null), nodes::get);
    ScimConnection connection = connection(null);
    int granted = 0;
    while (limiter.admit(connection, 0) == null) {
      granted++;
    }
    assertThat(granted).isEqualTo(5);
    int refilled = 0;
    while (limiter.admit(connection, SECOND) == null) {
      refilled++;
    }
    assertThat(refilled).as("5 refilled per second per node").isEqualTo(5);
  }

  @Test
  void aConnectionsOwnBudgetWinsAndATenantRefusalGivesTheConnectionItsTokenBack() {
    RateLimiter limiter = new RateLimiter(new RateLimitConfig(new RateLimit(1, 1), new RateLimit(1, 2)), () -> 1);
    ScimConnection own = connection(new RateLimit(100, 3));
    assertThat(limiter.admit(own, 0)).isNull();
    assertThat(limiter.admit(own, 0)).isNull();
    assertThat(limiter.admit(own, 0).scope()).isEqualTo("tenant");
    // the connection still has its third token: only the tenant refused
    ScimConnection sameTenantOther = new ScimConnection(UUID.randomUUID(), own.tenantId(), "okta", "x", "p",
        Map.of(), ConnectionStatus.ENABLED, 1, "f", null, null, true, Instant.EPOCH, Instant.EPOCH, null, false);
    assertThat(limiter.admit(sameTenantOther, 0).scope()).isEqualTo("tenant");
    assertThat(limiter.admit(own, 2 * SECOND)).isNull();
  }

  private static final UUID TENANT = UUID.randomUUID();

  private static ScimConnection connection(RateLimit own) {
    return new ScimConnection(UUID.randomUUID(), TENANT, "okta", "x", "p", Map.of(), ConnectionStatus.ENABLED, 1,
        "f", null, null, true, Instant.EPOCH, Instant.EPOCH, own, false);
  }
}
