package io.scimgate.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimgate.invites.PipelineObserver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invite pipeline of this node: relay lag per event ({@code scimgate_outbox_relay_lag_seconds}), delivery
 * outcomes by channel ({@code scimgate_deliveries_total}, {@code outcome="dead"} being the dead letters) and
 * invitations sent ({@code scimgate_invitations_sent_total}: invitation mails the channel accepted).
 */
final class PipelineMetrics implements PipelineObserver {
  static final String RELAY_LAG = "scimgate.outbox.relay.lag";
  static final String DELIVERIES = "scimgate.deliveries";
  static final String INVITATIONS_SENT = "scimgate.invitations.sent";
  /** The delivery of an invitation; its webhook notice ({@code webhook} channel, same event) is not one. */
  private static final String INVITATION = "personnel.invited";
  private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
      Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(5)};

  private record Outcome(String channel, DeliveryOutcome outcome) {}

  private final MeterRegistry registry;
  private final Timer relayLag;
  private final Map<Outcome, Counter> deliveries = new ConcurrentHashMap<>();
  private final Map<String, Counter> invitations = new ConcurrentHashMap<>();

  PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.relayLag = Timer.builder(RELAY_LAG)
        .description("From a change's commit to its outbox event's relay, per event relayed on this node")
        .serviceLevelObjectives(LAG_BUCKETS)
        .register(registry);
  }

  @Override
  public void relayed(Duration lag) {
    relayLag.record(lag.isNegative() ? Duration.ZERO : lag); // the database's clock may run ahead of this node's
  }

  @Override
  public void delivered(String channel, String eventType, DeliveryOutcome outcome) {
    deliveries.computeIfAbsent(new Outcome(channel, outcome), this::deliveryCounter).increment();
    if (outcome == DeliveryOutcome.SENT && INVITATION.equals(eventType) && !channel.equals("webhook")) {
      invitations.computeIfAbsent(channel, this::invitationCounter).increment();
    }
  }

  private Counter deliveryCounter(Outcome key) {
    return Counter.builder(DELIVERIES)
        .description("Delivery attempts by channel and outcome (sent, retry, dead: dead-lettered)")
        .tag("channel", key.channel()).tag("outcome", key.outcome().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry);
  }

  private Counter invitationCounter(String channel) {
    return Counter.builder(INVITATIONS_SENT)
        .description("Invitations sent (accepted by the channel, e.g. the SMTP server)")
        .tag("channel", channel)
        .register(registry);
  }
}
