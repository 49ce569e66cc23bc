package io.scimgate.persistence.portal;

/** What trading a portal link's code for a session came to: a session, or why not (each gets its own page). */
public sealed interface LinkRedemption {
  record Redeemed(PortalSession session) implements LinkRedemption {}

  record AlreadyUsed() implements LinkRedemption {}

  record Expired() implements LinkRedemption {}

  record Unknown() implements LinkRedemption {}
}
