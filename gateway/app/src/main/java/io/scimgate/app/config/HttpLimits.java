package io.scimgate.app.config;

import java.time.Duration;

/**
 * Bounds on what HTTP clients may hold of a node (see {@link ConfigLoader}), so that idle or slow clients cannot
 * exhaust its file descriptors.
 *
 * @param maxConnections open connections per node; past it, new connections are closed as soon as accepted
 * @param idleTimeout    a connection with no bytes read or written for this long is closed
 * @param headerTimeout  a connection must send a complete request head within this long of opening (or of its
 *                       previous answer), else it is closed: slow-header clients never hold a connection for long
 * @param bodyTimeout    a request body must have arrived this long after its head, else the connection is closed
 */
public record HttpLimits(int maxConnections, Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout) {

  @Override
  public String toString() {
    return "maxConnections=" + maxConnections + ", idle/header/body timeouts=" + idleTimeout.toSeconds() + "/"
        + headerTimeout.toSeconds() + "/" + bodyTimeout.toSeconds() + "s";
  }
}
