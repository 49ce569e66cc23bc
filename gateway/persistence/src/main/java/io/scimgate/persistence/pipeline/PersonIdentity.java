package io.scimgate.persistence.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code person_identities}: a SCIM user of one connection that is this person, as last seen.
 *
 * @param deletedAt when the IdP deleted the user ({@code null} while it exists); a deleted identity is inactive
 */
public record PersonIdentity(UUID userId, UUID connectionId, String userName, String email, boolean active,
    Instant deletedAt) {}
