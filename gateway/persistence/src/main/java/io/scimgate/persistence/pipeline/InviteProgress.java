package io.scimgate.persistence.pipeline;

/**
 * How far a tenant's automatic invitations have got, so that a large backfill (turning auto-invites on for a
 * group of thousands) can be watched: people the relay will invite but has not yet ({@code toInvite}: its outbox
 * event is still waiting), people whose invitation (e-mail or webhook) is still waiting to be sent or being sent
 * ({@code toSend}), and people with an invitation that was given up on ({@code failed}: dead, replayable).
 */
public record InviteProgress(long toInvite, long toSend, long failed) {}
