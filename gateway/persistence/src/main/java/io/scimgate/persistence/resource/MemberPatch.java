package io.scimgate.persistence.resource;

import io.scimgate.persistence.audit.AuditContext;
import java.util.List;
import java.util.UUID;

/** One request's membership-only PATCH of one group: member ids added and removed, and who is writing. */
record MemberPatch(UUID groupId, List<UUID> added, List<UUID> removed, AuditContext audit) {}
