package io.scimgate.app.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a key derived from the gateway's signing secret: SHA-256 of
 * {@code "scimgate webhook secrets v1:" + signingSecret}, a random 12-byte nonce per secret, a 128-bit tag.
 * Output: {@code "v1:" + base64(nonce | ciphertext + tag)}.
 *
 * <p>A stand-in until the shared {@code SecretBox} is merged; it must keep exactly this format so that what it
 * sealed stays readable afterwards. Changing the signing secret makes stored secrets unreadable (like tokens).
 */
public final class AesGcmSecretSealer implements SecretSealer {
  static final String PREFIX = "v1:";
  static final String KEY_CONTEXT = "scimgate webhook secrets v1:";
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public AesGcmSecretSealer(String signingSecret) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("A signing secret is required to derive the secret-sealing key");
    }
    this.key = new SecretKeySpec(deriveKey(signingSecret), "AES");
  }

  /** The 32-byte AES key for {@code signingSecret}. */
  static byte[] deriveKey(String signingSecret) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((KEY_CONTEXT + signingSecret).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String seal(String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      // a Cipher is stateful and not thread-safe: one per call (cheap next to the database round trip)
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JVM", e);
    }
  }
}
