package io.scimgate.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a node remembers of verified connection tokens: never an expired one, never without bound. */
class VerifiedTokensTest {

  @Test
  void anExpiredTokenIsForgottenAndMustBeVerifiedAgain() {
    VerifiedTokens tokens = new VerifiedTokens();
    tokens.remember("lasting", new JsonObject().put("sub", "a"));
    tokens.remember("expired", new JsonObject().put("sub", "b").put("exp", Instant.now().getEpochSecond() - 1));
    tokens.remember("valid", new JsonObject().put("sub", "c").put("exp", Instant.now().getEpochSecond() + 60));
    assertThat(tokens.get("lasting").getString("sub")).isEqualTo("a");
    assertThat(tokens.get("expired")).isNull();
    assertThat(tokens.get("valid").getString("sub")).isEqualTo("c");
    assertThat(tokens.get("never seen")).isNull();
  }

  @Test
  void aBurstOfDistinctTokensStartsOverInsteadOfGrowing() {
    VerifiedTokens tokens = new VerifiedTokens();
    for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
      tokens.remember("token-" + i, new JsonObject());
    }
    assertThat(tokens.get("token-0")).isNotNull();
    tokens.remember("one more", new JsonObject());
    assertThat(tokens.get("token-0")).isNull();
    assertThat(tokens.get("one more")).isNotNull();
  }
}
