package io.scimgate.persistence.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored SCIM resource: its document (without {@code id}, {@code meta} and group members, which live in
 * columns and in the membership table) and the metadata the response's {@code meta} is built from.
 */
public record StoredResource(UUID id, ObjectNode doc, long version, Instant created, Instant lastModified) {}
