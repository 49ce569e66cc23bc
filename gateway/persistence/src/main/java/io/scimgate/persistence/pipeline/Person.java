package io.scimgate.persistence.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code personnel}: a tenant's person as the product sees them, one per tenant however many
 * connections push them, with the SCIM users that are them. Names and e-mail are those of the identity that wrote
 * last (an active one while there is one).
 */
public record Person(
    UUID id,
    UUID tenantId,
    String userName,
    String displayName,
    String email,
    PersonnelStatus status,
    Instant invitedAt,
    Instant acceptedAt,
    Instant deprovisionedAt,
    Instant createdAt,
    Instant updatedAt,
    List<PersonIdentity> identities) {

  public Person {
    identities = List.copyOf(identities);
  }

  Person withIdentities(List<PersonIdentity> linked) {
    return new Person(id, tenantId, userName, displayName, email, status, invitedAt, acceptedAt, deprovisionedAt,
        createdAt, updatedAt, linked);
  }
}
