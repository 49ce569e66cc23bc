package io.scimgate.invites.policy;

import java.util.UUID;

/** A person the relay deprovisioned, and the SCIM user whose change (the last active identity's) did it. */
public record Deprovisioned(UUID personId, UUID userId) {}
