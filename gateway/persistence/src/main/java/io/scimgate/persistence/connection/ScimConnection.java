package io.scimgate.persistence.connection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One SCIM connection of a tenant to one IdP, with what token checks need: the current token generation and,
 * during a rotation's grace period, the previous one and when it stops working. {@code tenantScimEnabled}
 * is the tenant's flag, joined in so that one lookup answers every authorization question. {@code rateLimit} is
 * the connection's own request budget, {@code null} for the operator's default. {@code advertisePagination}: its
 * {@code /ServiceProviderConfig} carries RFC 9865 {@code pagination}.
 */
public record ScimConnection(
    UUID id,
    UUID tenantId,
    String vendor,
    String name,
    String groupPrefix,
    Map<String, String> attributeMappings,
    ConnectionStatus status,
    int tokenGeneration,
    String tokenFingerprint,
    Integer previousTokenGeneration,
    Instant previousTokenValidUntil,
    boolean tenantScimEnabled,
    Instant createdAt,
    Instant updatedAt,
    RateLimit rateLimit,
    boolean advertisePagination) {

  public ScimConnection {
    attributeMappings = attributeMappings == null ? Map.of() : Map.copyOf(attributeMappings);
  }

  /** Whether a token of {@code generation} is accepted at {@code now} (ignoring status and tenant flag). */
  public boolean acceptsGeneration(int generation, Instant now) {
    if (generation == tokenGeneration) {
      return true;
    }
    return previousTokenGeneration != null && generation == previousTokenGeneration
        && previousTokenValidUntil != null && now.isBefore(previousTokenValidUntil);
  }
}
