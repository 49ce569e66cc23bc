package io.scimgate.persistence.pipeline;

import java.util.List;

/**
 * A tenant's next pending events, and whether its automatic group invites were on when they were read. With them
 * off, the policy skips the invite statements: turning them on later is itself an event, and its backfill
 * invites the members of the selected groups.
 */
public record TenantBatch(List<OutboxEvent> events, boolean invitesOn) {}
