package io.scimgate.app.config;

import java.time.Duration;

/**
 * The SCIM request log's bounds (see {@link ConfigLoader}).
 *
 * @param retention rows older than this are pruned
 * @param maxRowsPerConnection each connection keeps at most its newest this many rows
 * @param pruneEvery how often every node prunes (deletes are idempotent, so nodes need not take turns)
 */
public record RequestLogConfig(Duration retention, int maxRowsPerConnection, Duration pruneEvery) {

  @Override
  public String toString() {
    return "requestLog=" + retention.toHours() + "h/" + maxRowsPerConnection + " rows per connection";
  }
}
