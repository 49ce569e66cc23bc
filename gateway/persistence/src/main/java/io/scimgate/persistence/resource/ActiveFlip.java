package io.scimgate.persistence.resource;

import io.scimgate.persistence.audit.AuditContext;
import java.util.UUID;

/** One request's PATCH that only sets a user's {@code active}: the user, the value, and who is writing. */
record ActiveFlip(UUID userId, boolean active, AuditContext audit) {}
