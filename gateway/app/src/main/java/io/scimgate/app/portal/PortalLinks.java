package io.scimgate.app.portal;

import io.scimgate.app.auth.PortalSessions;
import io.scimgate.app.config.GatewayConfig;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.portal.LinkRedemption;
import io.scimgate.persistence.portal.PortalAccessRepository;
import io.scimgate.persistence.portal.PortalLink;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Single-use links that open the portal for one tenant: what an operator (or the product's backend) hands a
 * company admin instead of any key. The code is 256 random bits; only its hash is stored.
 */
public final class PortalLinks {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  public static final Duration MIN_TTL = Duration.ofMinutes(1);
  public static final Duration MAX_TTL = Duration.ofHours(24);

  private final PortalAccessRepository repository;
  private final GatewayConfig config;

  public PortalLinks(PortalAccessRepository repository, GatewayConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** A link as handed out: the URL holds the code, which exists nowhere else. */
  public record Issued(String url, Instant expiresAt, PortalScreen screen) {}

  public Future<Issued> issue(UUID tenantId, PortalScreen screen, Duration ttl, String subject, AuditContext ctx) {
    String code = PortalSessions.randomSecret();
    Instant expiresAt = Instant.now().plus(ttl);
    PortalLink link = new PortalLink(tenantId, screen.path(), subject, ctx.actor(), expiresAt);
    return repository.createLink(PortalSessions.hash(code), link, ctx)
        .map(done -> new Issued(config.publicUrl() + "/portal/login?code=" + code, expiresAt, screen));
  }

  /** Trades a code for a session whose raw id is {@code sessionId}. */
  public Future<LinkRedemption> redeem(String code, String sessionId) {
    return repository.redeem(PortalSessions.hash(code), PortalSessions.hash(sessionId),
        config.portal().sessionLifetime());
  }
}
