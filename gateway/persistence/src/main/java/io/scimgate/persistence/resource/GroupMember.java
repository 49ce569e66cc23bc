package io.scimgate.persistence.resource;

import java.util.UUID;

/**
 * One row of the membership table, with the member's display name read at query time.
 *
 * @param type {@code User} or {@code Group}, decided by where the id was found, not by what the client sent
 */
public record GroupMember(UUID value, String type, String display) {}
