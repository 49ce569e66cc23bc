package io.scimgate.invites.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before attempt n (n >= 2) wait a uniformly random time between zero and
 * {@code min(cap, base * 2^(n-2))}, so that receivers recovering from an outage are not hit by synchronized
 * retries. After {@code maxAttempts} attempts the delivery is dead-lettered.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {
  public RetryPolicy {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("need 0 < base <= cap and maxAttempts >= 1");
    }
  }

  public Duration delayBefore(int nextAttempt, RandomGenerator random) {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(Math.max(nextAttempt - 2, 0), 30));
    return Duration.ofMillis(random.nextLong(ceiling + 1));
  }

  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }
}
