package io.scimgate.persistence.pipeline;

import java.time.Instant;

/** What became of an invitation link's token handed back by the product's sign-up page. */
public sealed interface TokenAcceptance {
  /** The token was good: now used, and the person {@code active}. */
  record Accepted(Person person) implements TokenAcceptance {}

  /** No such token (mistyped, forged, or of another gateway). */
  record Unknown() implements TokenAcceptance {}

  /** Used before (the link works once). */
  record Used(Instant usedAt) implements TokenAcceptance {}

  /** Past its expiry. */
  record Expired(Instant expiredAt) implements TokenAcceptance {}

  /** Replaced by a newer mail of the invitation (sent again from the admin API). */
  record Revoked(Instant revokedAt) implements TokenAcceptance {}

  /** The person has no outstanding invitation of the token's round any more (deprovisioned, accepted, invited anew). */
  record NotInvited(Person person) implements TokenAcceptance {}
}
