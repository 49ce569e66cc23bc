package io.scimgate.app.config;

import java.time.Duration;

/**
 * The admin portal's settings.
 *
 * @param sessionIdle     a session unused for this long ends
 * @param sessionLifetime a session ends this long after sign-in, however active
 * @param frameAncestors  origins allowed to embed the portal in a frame (CSP {@code frame-ancestors}), or
 *                        {@code null}: no framing at all
 * @param supportContact  whom a company admin without SCIM should contact, shown on the SCIM Settings screen
 */
public record PortalConfig(Duration sessionIdle, Duration sessionLifetime, String frameAncestors,
    String supportContact) {}
