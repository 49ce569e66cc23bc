package io.scimgate.persistence.resource;

import java.util.List;

/**
 * A stored group.
 *
 * @param productName the vendor-prefixed name the product shows ("Okta SCIM - Contractors")
 * @param members     the members, or {@code null} when the caller did not ask for them (membership rows are
 *                    not read unless a response shows them)
 */
public record StoredGroup(StoredResource resource, String productName, List<GroupMember> members) {
  public StoredGroup withMembers(List<GroupMember> loaded) {
    return new StoredGroup(resource, productName, loaded);
  }
}
