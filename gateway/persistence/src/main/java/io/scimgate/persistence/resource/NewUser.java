package io.scimgate.persistence.resource;

import io.scimgate.persistence.audit.AuditContext;

/** A user to insert: its id, its document as stored, the columns taken from it and who is writing it. */
record NewUser(java.util.UUID id, String doc, UserColumns columns, boolean active, AuditContext audit) {}
