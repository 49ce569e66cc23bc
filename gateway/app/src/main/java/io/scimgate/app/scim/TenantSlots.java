package io.scimgate.app.scim;

import java.util.ArrayDeque;

/**
 * One tenant's share of this node's database work: how many of its requests run, and those waiting for a turn.
 * Synchronized: a tenant's requests arrive on every event loop.
 */
final class TenantSlots {
  /** What became of a request that asked for a turn. */
  enum Admission { RUN, QUEUED, FULL }

  private final int maxRunning;
  private final int maxQueued;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  TenantSlots(int maxRunning, int maxQueued) {
    this.maxRunning = maxRunning;
    this.maxQueued = maxQueued;
  }

  synchronized Admission admit(Runnable start) {
    if (running < maxRunning) {
      running++;
      return Admission.RUN;
    }
    if (waiting.size() >= maxQueued) {
      return Admission.FULL;
    }
    waiting.add(start);
    return Admission.QUEUED;
  }

  /** A running request ended: its turn passes to the first waiting one (returned, to be started), if any. */
  synchronized Runnable release() {
    Runnable next = waiting.poll();
    if (next == null) {
      running--;
    }
    return next;
  }

  /** A waiting request gave up (timed out, or its client went away); false if it has been started meanwhile. */
  synchronized boolean withdraw(Runnable start) {
    return waiting.remove(start);
  }
}
