package io.scimgate.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The setup guide records accept bounded plain text only, and the generic guide is one of them. */
class SetupGuideTest {
  private static final SetupStep STEP = new SetupStep("Enter the base URL", "Paste it.\nThen save.");

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "two\nlines", "tab\there"})
  void aStepTitleIsOneNonBlankLine(String title) {
    assertThatThrownBy(() -> new SetupStep(title, "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title");
  }

  @Test
  void instructionsMayBeEmptyOrSpanLinesButNotHoldOtherControlCharacters() {
    assertThat(new SetupStep("Save", "").instructions()).isEmpty();
    assertThat(STEP.instructions()).contains("\n");
    assertThatThrownBy(() -> new SetupStep("Save", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SetupStep("Save", "bell\u0007")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0007");
  }

  @Test
  void markupIsPlainTextLikeAnyOther() {
    assertThat(new SetupStep("<b>Bold</b>", "<script>x</script>").title()).isEqualTo("<b>Bold</b>");
  }

  @Test
  void lengthsAreBounded() {
    assertThat(new SetupStep("t".repeat(SetupStep.MAX_TITLE_LENGTH), "").title())
        .hasSize(SetupStep.MAX_TITLE_LENGTH);
    assertThatThrownBy(() -> new SetupStep("t".repeat(SetupStep.MAX_TITLE_LENGTH + 1), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
    assertThatThrownBy(() -> new SetupStep("t", "i".repeat(SetupStep.MAX_INSTRUCTIONS_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> guide("s".repeat(SetupGuide.MAX_SUMMARY_LENGTH + 1), List.of(STEP), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aGuideHasOneToTwentySteps() {
    assertThat(guide("s", Collections.nCopies(SetupGuide.MAX_STEPS, STEP), null).steps())
        .hasSize(SetupGuide.MAX_STEPS);
    assertThatThrownBy(() -> guide("s", Collections.nCopies(SetupGuide.MAX_STEPS + 1, STEP), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 20 steps");
    assertThatThrownBy(() -> guide("s", List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> guide("s", null, null)).isInstanceOf(IllegalArgumentException.class);
    List<SetupStep> withNull = new ArrayList<>(List.of(STEP));
    withNull.add(null);
    assertThatThrownBy(() -> guide("s", withNull, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> guide(" ", List.of(STEP), null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStepsAreAnImmutableCopy() {
    List<SetupStep> steps = new ArrayList<>(List.of(STEP));
    SetupGuide guide = guide("s", steps, null);
    steps.add(STEP);
    assertThat(guide.steps()).hasSize(1);
    assertThatThrownBy(() -> guide.steps().add(STEP)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theDocsUrlIsNullOrAbsoluteHttps() {
    assertThat(guide("s", List.of(STEP), null).docsUrl()).isNull();
    assertThat(guide("s", List.of(STEP), "https://example.com/docs/scim?x=1#y").docsUrl())
        .isEqualTo("https://example.com/docs/scim?x=1#y");
    for (String bad : List.of("http://example.com/docs", "javascript:alert(1)", "/docs/scim", "https:///x",
        "https://user:pw@example.com/", "https://exa mple.com/", "")) {
      assertThatThrownBy(() -> guide("s", List.of(STEP), bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("docsUrl");
    }
  }

  @Test
  void theGenericGuideNamesTheProviderTheHeaderAndTheAttributes() {
    SetupGuide guide = SetupGuide.generic("Acme IdP");
    assertThat(guide).isEqualTo(SetupGuide.generic("Acme IdP"));
    assertThat(guide.summary()).contains("Acme IdP");
    String text = guide.steps().toString();
    for (String expected : List.of("SCIM base URL", "Authorization: Bearer <token>", "userName", "name.givenName",
        "name.familyName", "emails", "work", "active", "externalId", "displayName", "members")) {
      assertThat(text).contains(expected);
    }
    assertThat(guide.docsUrl()).startsWith("https://");
    assertThatThrownBy(() -> SetupGuide.generic(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConnectorWithoutAGuideOfItsOwnGetsTheGenericOne() {
    IdpConnector connector = new IdpConnector() {
      @Override
      public String id() {
        return "acme";
      }

      @Override
      public String displayName() {
        return "Acme IdP";
      }

      @Override
      public String defaultGroupPrefix() {
        return "Acme - ";
      }
    };
    assertThat(connector.setupGuide()).isEqualTo(SetupGuide.generic("Acme IdP"));
  }

  private static SetupGuide guide(String summary, List<SetupStep> steps, String docsUrl) {
    return new SetupGuide(summary, steps, docsUrl);
  }
}
