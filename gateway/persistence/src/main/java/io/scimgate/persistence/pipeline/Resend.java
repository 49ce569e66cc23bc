package io.scimgate.persistence.pipeline;

/** What a request to send an invitation again did. */
public sealed interface Resend {
  /** A new mail is queued (its link gets a new token); the earlier links no longer work. */
  record Queued(Person person, String deliveryId) implements Resend {}

  /** No such person in the tenant. */
  record NotFound() implements Resend {}

  /** The person is not {@code invited}: there is no outstanding invitation to send again. */
  record NotInvited(Person person) implements Resend {}

  /** The person has no e-mail address to send it to. */
  record NoEmail(Person person) implements Resend {}
}
