package io.scimgate.app.http;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's open HTTP connections, counted against a cap shared by every server instance. Reaching the cap is
 * logged once, and its end once (with how many connections were refused meanwhile), never once per refusal: a
 * flood of connections must not become a flood of log lines.
 */
public final class OpenConnections {
  private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicBoolean atCap = new AtomicBoolean();
  private final AtomicLong refused = new AtomicLong();

  public OpenConnections(int max) {
    this.max = max;
  }

  /** Counts a new connection in; false (and nothing counted) when the cap is reached. */
  boolean tryOpen() {
    if (open.incrementAndGet() <= max) {
      return true;
    }
    open.decrementAndGet();
    refused.incrementAndGet();
    if (atCap.compareAndSet(false, true)) {
      LOG.warn("{} open HTTP connections: the cap (SCIMGATE_HTTP_MAX_CONNECTIONS) is reached; new connections are "
          + "closed until some end (idle and slow clients are closed by the HTTP timeouts)", max);
    }
    return false;
  }

  void closed() {
    // below 90 % again: a node hovering at the cap logs once, not at every connection that comes and goes
    if (open.decrementAndGet() < max * 9L / 10 && atCap.compareAndSet(true, false)) {
      LOG.info("Open HTTP connections are below the cap again; {} connections were refused meanwhile",
          refused.getAndSet(0));
    }
  }
}
