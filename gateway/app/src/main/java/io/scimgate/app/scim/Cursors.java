package io.scimgate.app.scim;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.connectors.api.ScimType;
import io.scimgate.persistence.query.KeysetPosition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque cursors for RFC 9865 cursor paging. A cursor holds the position of the last resource of a page
 * (its creation time and id) and a digest of the query it belongs to, signed with a key derived from the
 * gateway's signing secret: a forged cursor, or one replayed with another filter or on another connection,
 * is a 400 {@code invalidCursor}. Cursors hold no state on the server, so they work on every node and never
 * expire; a resource deleted meanwhile does not invalidate them.
 */
final class Cursors {
  private static final int PAYLOAD_BYTES = 8 + 16 + 16;
  private static final int MAC_BYTES = 16;

  private final SecretKeySpec key;

  Cursors(String signingSecret) {
    this.key = new SecretKeySpec(hmac(signingSecret.getBytes(StandardCharsets.UTF_8),
        "scim-cursors/v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
  }

  String encode(KeysetPosition position, String query) {
    ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES);
    long micros = position.created().getEpochSecond() * 1_000_000L + position.created().getNano() / 1_000;
    payload.putLong(micros).putLong(position.id().getMostSignificantBits())
        .putLong(position.id().getLeastSignificantBits()).put(digest(query), 0, 16);
    payload.put(mac(payload.array(), PAYLOAD_BYTES), 0, MAC_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
  }

  KeysetPosition decode(String cursor, String query) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (bytes.length != PAYLOAD_BYTES + MAC_BYTES
        || !MessageDigest.isEqual(range(mac(bytes, PAYLOAD_BYTES), 0, MAC_BYTES),
            range(bytes, PAYLOAD_BYTES, MAC_BYTES))) {
      throw invalid();
    }
    ByteBuffer payload = ByteBuffer.wrap(bytes);
    long micros = payload.getLong();
    UUID id = new UUID(payload.getLong(), payload.getLong());
    byte[] queryDigest = new byte[16];
    payload.get(queryDigest);
    if (!MessageDigest.isEqual(queryDigest, range(digest(query), 0, 16))) {
      throw ScimException.of(400, ScimType.INVALID_CURSOR, "The cursor belongs to another query; start again "
          + "with cursor= (empty)");
    }
    return new KeysetPosition(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000), id);
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(data, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] digest(String query) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] range(byte[] bytes, int from, int length) {
    byte[] out = new byte[length];
    System.arraycopy(bytes, from, out, 0, length);
    return out;
  }

  private static ScimException invalid() {
    return ScimException.of(400, ScimType.INVALID_CURSOR, "The cursor is not one this service issued");
  }
}
