package io.scimgate.app.config;

import io.scimgate.invites.egress.EgressSettings;
import io.scimgate.invites.events.EventRetention;
import java.time.Duration;

/**
 * The invite pipeline's settings (see {@link ConfigLoader}). {@link #toString()} never shows the SMTP password.
 *
 * @param pipeline whether this node runs the relay and delivery worker ({@code false}: a node that serves SCIM
 *     only, while other nodes run the pipeline)
 * @param poolSize PostgreSQL connections of the pipeline (its own, beside the SCIM requests' pool)
 * @param smtpHost {@code null}: no e-mail channel on this node (invitation mails wait, then dead-letter)
 * @param smtpStartTls {@code DISABLED}, {@code OPTIONAL} or {@code REQUIRED}
 * @param deliveryLease how long a claimed delivery belongs to the node that claimed it; after a crash, it is
 *     sent again once this has passed
 * @param webhooks where webhooks may go (egress rules, the operator's allowlist) and their deadline
 * @param events how long processed events are kept for the events API, and how often they are pruned
 * @param invitationUrl the product's sign-up URL template for tenants without their own ({@code null}: none)
 * @param invitationTtl how long an invitation link works after its mail was sent
 */
public record InviteConfig(
    boolean pipeline,
    int poolSize,
    String smtpHost,
    int smtpPort,
    String smtpUsername,
    String smtpPassword,
    String smtpFrom,
    String smtpStartTls,
    Duration poll,
    Duration deliveryLease,
    int deliveryMaxAttempts,
    Duration backoffBase,
    Duration backoffCap,
    EgressSettings webhooks,
    EventRetention events,
    String invitationUrl,
    Duration invitationTtl) {

  @Override
  public String toString() {
    return "pipeline=" + (pipeline ? "on" : "off") + ", smtp=" + (smtpHost == null ? "off" : smtpHost + ":" + smtpPort + " from " + smtpFrom
        + (smtpUsername == null ? "" : " as " + smtpUsername + " (password " + (smtpPassword == null ? "unset" : "set")
        + ")")) + ", starttls=" + smtpStartTls + ", delivery attempts=" + deliveryMaxAttempts + ", lease="
        + deliveryLease.toSeconds() + "s, webhooks=" + (webhooks.allowHttp() ? "http(s)" : "https") + " allowing ["
        + webhooks.allowedHosts() + "] within " + webhooks.timeout().toSeconds() + "s, events kept "
        + events.keep().toDays() + "d, invitation links "
        + (invitationUrl == null ? "per tenant only" : invitationUrl) + " for " + invitationTtl.toHours() + "h";
  }
}
