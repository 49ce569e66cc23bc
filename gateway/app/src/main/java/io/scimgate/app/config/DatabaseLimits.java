package io.scimgate.app.config;

import java.time.Duration;

/**
 * Bounds on the database work of requests (see {@link ConfigLoader}), so that a locked table, a heavy search or an
 * unreachable database gives a prompt answer instead of a request that waits for minutes.
 *
 * @param statementTimeout          PostgreSQL cancels a SCIM or admin statement that runs longer (not migrations)
 * @param pipelineStatementTimeout  the same for the invite pipeline's pool, whose batches may legitimately run longer
 * @param poolWait                  how long a request waits for a free connection of the pool, or for its
 *                                  tenant's turn
 * @param tenantRunning             reads, searches and Bulk requests of one tenant running at once on a node
 * @param tenantRunningWrites       single-resource writes of one tenant running at once on a node
 * @param tenantQueued              requests of one tenant waiting for a turn (of each kind); past it, 429
 * @param groupMembersPerFetch      membership rows a group's answer reads per statement, sending each page before
 *                                  it reads the next; 0 reads all of them at once and builds the whole answer in
 *                                  memory (what the gateway did before; kept to compare the two in benchmarks)
 */
public record DatabaseLimits(Duration statementTimeout, Duration pipelineStatementTimeout, Duration poolWait,
    int tenantRunning, int tenantRunningWrites, int tenantQueued, int groupMembersPerFetch) {

  @Override
  public String toString() {
    return "statementTimeout=" + statementTimeout.toMillis() + "ms (pipeline " + pipelineStatementTimeout.toMillis()
        + "ms), poolWait=" + poolWait.toMillis() + "ms, per tenant " + tenantRunning + " running (writes "
        + tenantRunningWrites + ")/" + tenantQueued + " queued, group members per fetch " + groupMembersPerFetch;
  }
}
