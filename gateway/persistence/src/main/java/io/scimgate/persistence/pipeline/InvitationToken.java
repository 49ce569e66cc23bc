package io.scimgate.persistence.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of one invitation link: 32 random bytes as base64url (43 characters), and its SHA-256, which is all
 * that is stored. {@link #toString()} never shows the value.
 */
public record InvitationToken(String value, byte[] hash) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  public static InvitationToken create() {
    byte[] secret = new byte[BYTES];
    RANDOM.nextBytes(secret);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new InvitationToken(value, hash(value));
  }

  /** SHA-256 of the token's text, as stored and looked up. */
  public static byte[] hash(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "InvitationToken[redacted]";
  }
}
