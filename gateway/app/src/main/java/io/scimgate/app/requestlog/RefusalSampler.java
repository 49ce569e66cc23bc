package io.scimgate.app.requestlog;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Budget refusals (429) of a flooding IdP come by the thousand each second; the request log keeps at most one row
 * per connection and second for them, which says how many more were refused since the previous row. A flood then
 * costs the log (and the database) nothing that grows with its rate.
 */
final class RefusalSampler {
  private static final long EVERY_NANOS = 1_000_000_000L;

  /** Per connection: when a row was last let through, and how many were held back since. */
  private static final class Window {
    private long listedAt;
    private long heldBack;
  }

  private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

  /** {@code -1}: leave this refusal out; else let it through, with the number held back before it. */
  long admit(UUID connectionId, long nowNanos) {
    Window window = windows.computeIfAbsent(connectionId, id -> new Window());
    synchronized (window) {
      if (window.listedAt != 0 && nowNanos - window.listedAt < EVERY_NANOS) {
        window.heldBack++;
        return -1;
      }
      long heldBack = window.heldBack;
      window.listedAt = nowNanos;
      window.heldBack = 0;
      return heldBack;
    }
  }
}
