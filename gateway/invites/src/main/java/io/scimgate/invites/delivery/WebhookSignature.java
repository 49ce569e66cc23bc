package io.scimgate.invites.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code Scimgate-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>},
 * with {@code Scimgate-Timestamp: <unix seconds>}. A receiver verifies it by recomputing the HMAC over the
 * timestamp header, a dot and the raw body bytes as received, comparing in constant time, and rejecting a
 * timestamp older than its tolerance (five minutes is usual) so that a captured call cannot be replayed later.
 */
public final class WebhookSignature {
  private WebhookSignature() {}

  public static String sign(String secret, long timestamp, byte[] body) {
    return "v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
  }

  /** What a receiver does: signature matches and the timestamp is within {@code tolerance} of {@code now}. */
  public static boolean verify(String secret, String header, long timestamp, byte[] body, Instant now,
      Duration tolerance) {
    if (header == null || !header.startsWith("v1=")
        || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = hmac(secret, timestamp, body);
    try {
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(header.substring(3)));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
  }

  private static byte[] hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
