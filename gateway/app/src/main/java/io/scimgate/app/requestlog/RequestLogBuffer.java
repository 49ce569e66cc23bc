package io.scimgate.app.requestlog;

import io.scimgate.persistence.requestlog.LoggedRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Request log entries waiting to be written, bounded: when the database cannot keep up (or is away), new
 * entries are dropped and counted instead of growing the heap. Filled from every HTTP event loop, drained
 * from the recorder's; the lock is held for a deque operation only.
 */
final class RequestLogBuffer {
  private final int capacity;
  private final ArrayDeque<LoggedRequest> waiting = new ArrayDeque<>();
  private long dropped;

  RequestLogBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** Adds the entry unless the buffer is full; the number of entries waiting afterwards. */
  synchronized int offer(LoggedRequest entry) {
    if (waiting.size() >= capacity) {
      dropped++;
    } else {
      waiting.addLast(entry);
    }
    return waiting.size();
  }

  /** Removes and returns the oldest entries, at most {@code max}. */
  synchronized List<LoggedRequest> drain(int max) {
    List<LoggedRequest> batch = new ArrayList<>(Math.min(max, waiting.size()));
    while (batch.size() < max && !waiting.isEmpty()) {
      batch.add(waiting.pollFirst());
    }
    return batch;
  }

  synchronized int size() {
    return waiting.size();
  }

  /** Counts entries lost elsewhere (a failed write) together with those the buffer refused. */
  synchronized void countDropped(long entries) {
    dropped += entries;
  }

  /** The entries dropped since the last call. */
  synchronized long takeDropped() {
    long count = dropped;
    dropped = 0;
    return count;
  }
}
