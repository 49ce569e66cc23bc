package io.scimgate.persistence.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in portal browser.
 *
 * @param tenantId  the one tenant a company admin's session may see, or {@code null} for an operator's session
 * @param subject   who acts, for the audit log
 * @param screen    the screen the portal link asked to open first, or {@code null}
 * @param expiresAt the absolute end of the session, whatever its activity
 */
public record PortalSession(UUID tenantId, String subject, String screen, Instant expiresAt) {}
