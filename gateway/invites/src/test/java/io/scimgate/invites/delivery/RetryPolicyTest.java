package io.scimgate.invites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 5);

  @Test
  void delaysGrowExponentiallyWithFullJitterUpToTheCap() {
    Random random = new Random(1);
    for (int attempt = 2; attempt <= 12; attempt++) {
      long ceiling = Math.min(60_000, 2_000L << (attempt - 2));
      for (int i = 0; i < 200; i++) {
        assertThat(policy.delayBefore(attempt, random).toMillis()).isBetween(0L, ceiling);
      }
    }
  }

  @Test
  void exhaustedAfterMaxAttempts() {
    assertThat(policy.exhausted(4)).isFalse();
    assertThat(policy.exhausted(5)).isTrue();
  }

  @Test
  void signaturesVerifyOnlyWithTheSecretAndInTime() {
    byte[] body = "{\"id\":\"webhook:1\"}".getBytes();
    String header = WebhookSignature.sign("s3cret", 1_000, body);
    java.time.Instant then = java.time.Instant.ofEpochSecond(1_100);
    assertThat(WebhookSignature.verify("s3cret", header, 1_000, body, then, Duration.ofMinutes(5))).isTrue();
    assertThat(WebhookSignature.verify("other", header, 1_000, body, then, Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify("s3cret", header, 1_000, "x".getBytes(), then, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify("s3cret", header, 1_000, body, then.plusSeconds(600), Duration.ofMinutes(5)))
        .as("replayed too late").isFalse();
  }
}
