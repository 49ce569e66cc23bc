package io.scimgate.app.auth;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection tokens whose signature this node has already verified, by SHA-256, so that an IdP's every request
 * (and every refusal of a flooding one) does not pay for parsing and an HMAC again. Only the signature check is
 * remembered: whether the token is still accepted (generation, status, tenant flag) is asked of the connection
 * view on every request, and an expiring token is checked against its {@code exp} on every use. Bounded: past
 * {@link #CAPACITY} tokens it starts over (IdPs hold one token per connection, so this is a burst of forgeries).
 */
final class VerifiedTokens {
  static final int CAPACITY = 10_000;

  private final Map<String, JsonObject> claimsByFingerprint = new ConcurrentHashMap<>();

  /** The claims of an earlier verified, unexpired token, or {@code null}. */
  JsonObject get(String fingerprint) {
    JsonObject claims = claimsByFingerprint.get(fingerprint);
    if (claims == null) {
      return null;
    }
    Long expires = claims.getLong("exp");
    if (expires != null && expires <= Instant.now().getEpochSecond()) {
      claimsByFingerprint.remove(fingerprint);
      return null;
    }
    return claims;
  }

  void remember(String fingerprint, JsonObject claims) {
    if (claimsByFingerprint.size() >= CAPACITY) {
      claimsByFingerprint.clear();
    }
    claimsByFingerprint.put(fingerprint, claims);
  }
}
