package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The PATCH example table of scim-core (RFC 7644 §3.5.2 and the RFC-conformant IdP fixtures), each row sent
 * over HTTP to a real gateway and read back from PostgreSQL.
 */
class PatchExamplesOverHttpTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;
  private static String userBeforePatch;
  private static int users;

  @BeforeAll
  static void setUp() throws IOException {
    scim = gateway.newConnection("azure-ad").scim();
    try (InputStream in = PatchExamplesOverHttpTest.class.getResourceAsStream("/patch/user-before-patch.json")) {
      userBeforePatch = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (NullPointerException e) {
      throw new UncheckedIOException(new IOException("scim-core's test-jar is not on the classpath", e));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/patch/user-patch-examples.csv", delimiter = '|', quoteCharacter = '`')
  void examples(String name, String operation, String pointer, String expected) {
    String id = scim.post("/Users", userBeforePatch.replace("\"bjensen\"", "\"bjensen" + (++users) + "\""))
        .json().get("id").asText();
    Reply patched = scim.patchOps("/Users/" + id, operation.strip());
    assertThat(patched.status()).as(name + ": " + patched).isEqualTo(200);
    JsonNode stored = scim.get("/Users/" + id).json();
    assertThat(patched.json()).as("the PATCH answer is what was stored").isEqualTo(stored);
    JsonNode value = stored.at(pointer.strip());
    if (expected.strip().equals("<missing>")) {
      assertThat(value.isMissingNode()).as(name + ": " + value).isTrue();
    } else {
      assertThat(value.asText()).as(name).isEqualTo(expected.strip());
    }
  }
}
