package io.scimgate.persistence.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A single-use link into the portal for one tenant, before it is used.
 *
 * @param subject   who the resulting session acts as in the audit log
 * @param createdBy the operator (or product backend) that asked for the link
 */
public record PortalLink(UUID tenantId, String screen, String subject, String createdBy, Instant expiresAt) {}
