package io.scimgate.app.admin;

/**
 * Encrypts a secret the gateway must store but never show again (a webhook signing secret). The delivery side
 * opens what this seals, so the output format is a contract: {@code "v1:" + base64(nonce | ciphertext + tag)}.
 *
 * <p>Implementations are thread-safe and non-blocking (called on the event loop).
 */
public interface SecretSealer {
  /** The sealed form of {@code secret}; sealing the same secret twice gives different outputs. */
  String seal(String secret);
}
