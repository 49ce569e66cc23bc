package io.scimgate.persistence.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.scim.json.ScimJson;
import java.util.UUID;

/**
 * A user's new document (a PATCH's or a PUT's), to be written only while the user is still at
 * {@code expectedVersion} ({@code null}: whatever it is at). {@code active} travels in its own column value, not in
 * the document text: absent, the stored value stays (PUTs without it must not suspend anyone).
 */
record UserUpdate(UUID id, UserColumns columns, String doc, Long expectedVersion, AuditContext audit) {

  /** Takes the columns from {@code doc} and removes its {@code active} (written from the column). */
  static UserUpdate of(UUID id, ObjectNode doc, Long expectedVersion, AuditContext audit) {
    UserColumns columns = UserColumns.of(doc);
    doc.remove("active");
    return new UserUpdate(id, columns, ScimJson.write(doc), expectedVersion, audit);
  }
}
