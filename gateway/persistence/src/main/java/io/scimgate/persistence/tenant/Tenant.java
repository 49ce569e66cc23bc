package io.scimgate.persistence.tenant;

import java.time.Instant;
import java.util.UUID;

/** A company using the product; SCIM is a feature an operator enables per tenant. */
public record Tenant(UUID id, String name, boolean scimEnabled, Instant createdAt, Instant updatedAt) {}
