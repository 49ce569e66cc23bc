package io.scimgate.app.ratelimit;

/**
 * A token bucket: holds at most {@code burst} tokens, refilled continuously at {@code rate} per second; a request
 * takes one. Rate and burst are passed on every call, so a changed budget applies at once. Thread-safe (the HTTP
 * event loops share buckets); the critical section is a few arithmetic operations.
 */
final class TokenBucket {
  private double tokens = -1;
  private long refilledAt;

  /** Takes a token: 0 when granted, else the nanoseconds until one will be there. */
  synchronized long take(long nowNanos, double rate, double burst) {
    refill(nowNanos, rate, burst);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / rate * 1e9);
  }

  /** Gives back a token taken for a request that another budget then refused. */
  synchronized void giveBack(double burst) {
    tokens = Math.min(burst, tokens + 1);
  }

  private void refill(long nowNanos, double rate, double burst) {
    if (tokens < 0) {
      tokens = burst;
    } else {
      tokens = Math.min(burst, tokens + (nowNanos - refilledAt) / 1e9 * rate);
    }
    refilledAt = nowNanos;
  }
}
