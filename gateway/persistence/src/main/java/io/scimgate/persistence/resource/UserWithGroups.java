package io.scimgate.persistence.resource;

import java.util.List;

/**
 * A user with the groups it belongs to, for rendering. {@code groups} is {@code null} when they were not read
 * (the projection hides them, or a write response, which leaves the derived attribute out).
 */
public record UserWithGroups(StoredResource user, List<GroupRef> groups) {}
