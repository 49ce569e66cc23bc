package io.scimgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The sealed format is a contract with the delivery side: {@code "v1:" + base64(nonce | ciphertext + tag)}. */
class AesGcmSecretSealerTest {
  private static final String SIGNING_SECRET = "test-signing-secret-0123456789-abcdefghijklmnop";

  @Test
  void sealsInTheV1FormatThatTheDerivedKeyOpens() throws Exception {
    String sealed = new AesGcmSecretSealer(SIGNING_SECRET).seal("whsec_0123456789abcdef");
    assertThat(sealed).startsWith("v1:");
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    assertThat(raw).hasSize(12 + "whsec_0123456789abcdef".length() + 16);
    assertThat(open(sealed, SIGNING_SECRET)).isEqualTo("whsec_0123456789abcdef");
  }

  @Test
  void theKeyIsSha256OfTheContextAndTheSigningSecret() throws Exception {
    byte[] expected = MessageDigest.getInstance("SHA-256")
        .digest(("scimgate webhook secrets v1:" + SIGNING_SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(AesGcmSecretSealer.deriveKey(SIGNING_SECRET)).isEqualTo(expected).hasSize(32);
  }

  @Test
  void everySealHasItsOwnNonce() {
    AesGcmSecretSealer sealer = new AesGcmSecretSealer(SIGNING_SECRET);
    String first = sealer.seal("same secret, twice");
    String second = sealer.seal("same secret, twice");
    assertThat(first).isNotEqualTo(second);
    assertThat(Arrays.copyOf(Base64.getDecoder().decode(first.substring(3)), 12))
        .isNotEqualTo(Arrays.copyOf(Base64.getDecoder().decode(second.substring(3)), 12));
  }

  @Test
  void anotherSigningSecretCannotOpenIt() {
    String sealed = new AesGcmSecretSealer(SIGNING_SECRET).seal("whsec_0123456789abcdef");
    assertThatThrownBy(() -> open(sealed, SIGNING_SECRET + "x")).isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void refusesToRunWithoutASigningSecret() {
    assertThatThrownBy(() -> new AesGcmSecretSealer(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AesGcmSecretSealer("")).isInstanceOf(IllegalArgumentException.class);
  }

  /** What the delivery side does, written out independently of the sealer. */
  static String open(String sealed, String signingSecret) throws Exception {
    byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:".length()));
    byte[] key = MessageDigest.getInstance("SHA-256")
        .digest(("scimgate webhook secrets v1:" + signingSecret).getBytes(StandardCharsets.UTF_8));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, raw, 0, 12));
    return new String(cipher.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8);
  }
}
