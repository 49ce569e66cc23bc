package io.scimgate.invites.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** PLACEHOLDER until the delivery branch lands: exponential backoff with full jitter. */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {
  public Duration delayBefore(int nextAttempt, RandomGenerator random) {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(nextAttempt - 1, 30));
    return Duration.ofMillis(random.nextLong(ceiling + 1));
  }

  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }
}
