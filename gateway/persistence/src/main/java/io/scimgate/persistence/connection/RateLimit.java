package io.scimgate.persistence.connection;

/**
 * A request budget: a sustained rate and a burst (token bucket: {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}).
 */
public record RateLimit(int requestsPerSecond, int burst) {
  public RateLimit {
    if (requestsPerSecond <= 0 || burst <= 0) {
      throw new IllegalArgumentException("A rate limit needs a positive rate and burst");
    }
  }
}
