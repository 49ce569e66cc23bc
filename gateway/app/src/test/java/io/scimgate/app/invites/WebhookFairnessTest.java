package io.scimgate.app.invites;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.RawReceiver;
import io.scimgate.app.support.RawReceiver.Behaviour;
import io.scimgate.app.support.ScimClient;
import io.scimgate.app.support.Webhooks;
import io.scimgate.app.support.WebhookReceiver;
import io.scimgate.scim.json.ScimJson;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A slow receiver slows only its own tenant: tenant A's receiver drips, tenant B's events still go out at once. */
class WebhookFairnessTest {
  // the default deadline (10 s): a drip holds each of A's sends that long
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      "SCIMGATE_WEBHOOK_ALLOW_HTTP", "true", "SCIMGATE_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1",
      "SCIMGATE_INVITES_POLL_MS", "100"));
  private static RawReceiver dripping;
  private static WebhookReceiver fast;

  @BeforeAll
  static void start() throws Exception {
    dripping = RawReceiver.start(Behaviour.DRIP);
    fast = WebhookReceiver.start();
  }

  @AfterAll
  static void stop() throws Exception {
    fast.close();
    dripping.close();
  }

  @Test
  void aDrippingReceiverDelaysOnlyItsOwnTenant() throws Exception {
    ScimClient a = Webhooks.tenantHookedTo(gateway.node(), dripping.url());
    ScimClient b = Webhooks.tenantHookedTo(gateway.node(), fast.url());
    for (int i = 0; i < 6; i++) {
      a.scim().post("/Users", Fixtures.oktaUser("slow-" + UUID.randomUUID() + "@example.com"));
    }
    while (dripping.requests() == 0) {
      Thread.sleep(20);
    }

    long started = System.nanoTime();
    String user = b.scim().post("/Users", Fixtures.oktaUser("fast-" + UUID.randomUUID() + "@example.com"))
        .json().get("id").asText();
    while (fast.calls().stream().noneMatch(call -> ScimJson.parse(call.text()).at("/data/id").asText().equals(user))
        && System.nanoTime() - started < 30_000_000_000L) {
      Thread.sleep(10);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    int open = dripping.requests();
    System.out.printf("Tenant B's event reached its receiver %d ms after its write, with A's receiver dripping"
        + " (%d of A's sends open)%n", millis, open);
    assertThat(millis).as("ms until tenant B's event arrived").isLessThan(5_000);
    assertThat(open).as("A's sends in flight at once (its deadline has not passed yet)").isLessThanOrEqualTo(4);
  }

}
