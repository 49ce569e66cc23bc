package io.scimgate.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private final SecretBox box = new SecretBox("gateway-signing-secret-0123456789-abcdef");

  @Test
  void sealsWithAFreshNonceAndOpens() {
    String sealed = box.seal("whsec-1");
    assertThat(sealed).startsWith("v1:").doesNotContain("whsec-1");
    assertThat(box.seal("whsec-1")).isNotEqualTo(sealed);
    assertThat(box.open(sealed)).isEqualTo("whsec-1");
  }

  @Test
  void refusesAlteredValuesAndOtherKeys() {
    String sealed = box.seal("whsec-1");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SecretBox("another-secret-0123456789-0123456789").open(sealed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("whsec");
    assertThatThrownBy(() -> box.open("plain")).isInstanceOf(IllegalArgumentException.class);
  }
}
