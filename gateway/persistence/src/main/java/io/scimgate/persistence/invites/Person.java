package io.scimgate.persistence.invites;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code personnel}: a tenant's person as the product sees them, fed by a SCIM user. */
public record Person(
    UUID userId,
    UUID tenantId,
    UUID connectionId,
    String userName,
    String displayName,
    String email,
    PersonnelStatus status,
    Instant invitedAt,
    Instant acceptedAt,
    Instant deprovisionedAt,
    Instant createdAt,
    Instant updatedAt) {}
