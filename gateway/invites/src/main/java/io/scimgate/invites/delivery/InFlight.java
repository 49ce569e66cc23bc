package io.scimgate.invites.delivery;

import io.scimgate.persistence.pipeline.DueDelivery;
import io.scimgate.persistence.pipeline.Room;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sends a worker has started and not yet recorded, counted per webhook endpoint (one per tenant). Thread-safe:
 * a plugin's channel may complete on a thread of its own.
 */
final class InFlight {
  private final Set<Future<Void>> sends = ConcurrentHashMap.newKeySet();
  private final Map<UUID, Integer> webhooksByTenant = new ConcurrentHashMap<>();

  /** What a claim may take with these limits, given what is in flight now. */
  Room room(int perEndpoint, int maxWebhooks, int maxOthers) {
    Map<UUID, Integer> byTenant = Map.copyOf(webhooksByTenant);
    int webhooks = byTenant.values().stream().mapToInt(Integer::intValue).sum();
    return new Room(byTenant, perEndpoint, maxWebhooks - webhooks, maxOthers - (sends.size() - webhooks));
  }

  /** Tracks {@code send} of {@code due} until it completes; then runs {@code afterwards}. */
  void track(DueDelivery due, Future<Void> send, Runnable afterwards) {
    boolean webhook = isWebhook(due);
    if (webhook) {
      webhooksByTenant.merge(due.tenantId(), 1, Integer::sum);
    }
    sends.add(send);
    send.onComplete(done -> {
      if (webhook) {
        webhooksByTenant.computeIfPresent(due.tenantId(), (tenant, count) -> count == 1 ? null : count - 1);
      }
      sends.remove(send);
      afterwards.run();
    });
  }

  /** Completes when every send started so far has completed. */
  Future<Void> drained() {
    return Future.join(List.copyOf(sends)).mapEmpty();
  }

  private static boolean isWebhook(DueDelivery due) {
    return "webhook".equals(due.channel());
  }
}
