package io.scimgate.persistence.requestlog;

import java.time.Instant;

/**
 * What a connection has received so far: when its first and latest authenticated requests came ({@code null}
 * before the first), how many users and groups it holds, and how many of its requests failed in the last 24 h.
 */
public record ConnectionActivity(Instant firstRequestAt, Instant lastRequestAt, long users, long groups,
    long failuresLast24h) {

  /** A connection that has received nothing yet. */
  public static final ConnectionActivity NONE = new ConnectionActivity(null, null, 0, 0, 0);
}
