package io.scimgate.invites.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.scimgate.persistence.pipeline.DueDelivery;
import io.scimgate.persistence.pipeline.InvitationToken;
import io.scimgate.persistence.pipeline.InvitationTokenRepository;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.UUID;

/**
 * Puts the sign-up link into an invitation mail as it is sent: a new token per send, stored as its hash, its
 * clear value only in the mail's data in memory ({@code invitationUrl}, {@code invitationExpiresAt}), never in the
 * deliveries table. A retry of a mail that may have gone out issues another token; both links work, once. A mail
 * made stale by a resend gets no token and is dead-lettered with that reason. Without a URL template (the
 * tenant's or the gateway's), the mail goes out without a link.
 */
public final class InvitationLinks {
  /** What the template's token goes in place of. */
  public static final String PLACEHOLDER = "{token}";

  private final InvitationTokenRepository tokens;
  private final String defaultTemplate;
  private final Duration ttl;

  /** {@code defaultTemplate}: for tenants without their own ({@code null}: none); {@code ttl}: a link's life. */
  public InvitationLinks(InvitationTokenRepository tokens, String defaultTemplate, Duration ttl) {
    this.tokens = tokens;
    this.defaultTemplate = defaultTemplate;
    this.ttl = ttl;
  }

  /** {@code data} as the channel should get it: with the link when {@code due} is an invitation mail. */
  Future<ObjectNode> prepare(DueDelivery due, ObjectNode data) {
    String template = due.invitationUrl() != null ? due.invitationUrl() : defaultTemplate;
    if (template == null || !"email".equals(due.channel())
        || !"personnel.invited".equals(due.eventType())) {
      return Future.succeededFuture(data);
    }
    UUID person;
    try {
      // deliveries queued before people spanned connections name the person by the user id it kept
      person = UUID.fromString(data.path(data.has("personId") ? "personId" : "userId").asText());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new PermanentDeliveryFailure("the invitation names no person"));
    }
    int round = data.path("round").asInt(1);
    int generation = data.path("linkGeneration").asInt(1);
    InvitationToken token = InvitationToken.create();
    return tokens.issue(token, person, round, generation, ttl).map(expires -> {
      if (expires == null) {
        throw new PermanentDeliveryFailure("stale: the invitation was sent again since, or no longer exists");
      }
      return data.deepCopy().put("invitationUrl", template.replace(PLACEHOLDER, token.value()))
          .put("invitationExpiresAt", expires.toString());
    });
  }
}
