package io.scimgate.persistence.pipeline;

import java.util.UUID;

/**
 * A SCIM group selected for automatic invites.
 *
 * @param name        the name the product shows (the connection's vendor prefix + the IdP's name)
 * @param displayName the IdP's own name
 */
public record AutoInviteGroup(UUID id, String name, String displayName) {}
