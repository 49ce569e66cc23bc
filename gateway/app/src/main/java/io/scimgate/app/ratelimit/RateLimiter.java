package io.scimgate.app.ratelimit;

import io.scimgate.app.config.RateLimitConfig;
import io.scimgate.persistence.connection.RateLimit;
import io.scimgate.persistence.connection.ScimConnection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The SCIM API's request budgets: one per connection (its own, or the default) and one per tenant over all its
 * connections. Budgets are for the whole cluster; each node enforces its share (budget / live nodes), which holds
 * approximately when the load balancer spreads requests evenly. Local buckets cost no round trip per request.
 */
public final class RateLimiter {
  private final RateLimitConfig defaults;
  private final IntSupplier liveNodes;
  private final Map<UUID, TokenBucket> connections = new ConcurrentHashMap<>();
  private final Map<UUID, TokenBucket> tenants = new ConcurrentHashMap<>();

  public RateLimiter(RateLimitConfig defaults, IntSupplier liveNodes) {
    this.defaults = defaults;
    this.liveNodes = liveNodes;
  }

  /** Why a request was refused: which budget, its cluster-wide rate, and when to retry. */
  public record Refusal(String scope, int requestsPerSecond, long retryAfterNanos) {}

  /** Takes one request from the connection's and the tenant's budgets; {@code null} when both allow it. */
  public Refusal admit(ScimConnection connection, long nowNanos) {
    RateLimit own = connection.rateLimit() != null ? connection.rateLimit() : defaults.connection();
    Refusal refused = take(connections, connection.id(), own, "connection", nowNanos);
    if (refused != null) {
      return refused;
    }
    refused = take(tenants, connection.tenantId(), defaults.tenant(), "tenant", nowNanos);
    if (refused != null && own != null) {
      connections.get(connection.id()).giveBack(share(own.burst()));
    }
    return refused;
  }

  private Refusal take(Map<UUID, TokenBucket> buckets, UUID key, RateLimit limit, String scope, long nowNanos) {
    if (limit == null) {
      return null;
    }
    long wait = buckets.computeIfAbsent(key, id -> new TokenBucket())
        .take(nowNanos, share(limit.requestsPerSecond()), share(limit.burst()));
    return wait == 0 ? null : new Refusal(scope, limit.requestsPerSecond(), wait);
  }

  /** This node's share of a cluster-wide amount (never below one request). */
  private double share(int amount) {
    return Math.max(1.0, amount / (double) Math.max(1, liveNodes.getAsInt()));
  }
}
