package io.scimgate.persistence.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.patch.MemberChanges;

/** What a PATCH makes of a group: its new document and product-side name, and the membership changes. */
public record GroupChange(ObjectNode doc, ProductName productName, MemberChanges members) {}
