package io.scimgate.persistence.resource;

/**
 * A group as the product's screens list it.
 *
 * @param memberCount its direct members that are users (the people auto-invites would consider; nested groups
 *                    are not followed)
 */
public record TenantGroup(StoredGroup group, long memberCount) {}
