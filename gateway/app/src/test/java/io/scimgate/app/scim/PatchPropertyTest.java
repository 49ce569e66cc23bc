package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.support.Fixtures;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.patch.PatchEngine;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.scim.schema.CoreSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random operation lists, sent over HTTP: a refused request leaves the stored user exactly as it was, and an
 * accepted one stores exactly the document the engine computes from the same input (the database write, the
 * indexed columns and the JSONB round trip lose nothing and add nothing).
 */
class PatchPropertyTest {
  private static final long SEED = 20261128L;
  private static final int RUNS = 150;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;

  private static final List<Function<Random, String>> OPERATIONS = List.of(
      r -> "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + word(r) + "\"}",
      r -> "{\"op\":\"add\",\"path\":\"title\",\"value\":\"" + word(r) + "\"}",
      r -> "{\"op\":\"remove\",\"path\":\"title\"}",
      r -> "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"" + word(r) + "\"}",
      r -> "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"" + word(r) + "@example.com\",\"type\":\""
          + (r.nextBoolean() ? "home" : "other") + "\"}]}",
      r -> "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"" + word(r) + "@w.com\"}",
      r -> "{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}",
      r -> "{\"op\":\"add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 555 " + r.nextInt(9999)
          + "\"}",
      r -> "{\"op\":\"replace\",\"value\":{\"active\":" + r.nextBoolean() + "}}",
      r -> "{\"op\":\"replace\",\"value\":{\"nickName\":\"" + word(r) + "\",\"name.familyName\":\"" + word(r)
          + "\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\":\"" + word(r) + "\"}}",
      r -> "{\"op\":\"remove\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\"}",
      // refused ones
      r -> "{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}",
      r -> "{\"op\":\"replace\",\"path\":\"nope\",\"value\":1}",
      r -> "{\"op\":\"replace\",\"path\":\"meta.created\",\"value\":\"2020-01-01T00:00:00Z\"}",
      r -> "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"pager\\\"]\",\"value\":{\"value\":\"x\"}}",
      r -> "{\"op\":\"remove\",\"path\":\"userName\"}");

  @BeforeAll
  static void setUp() {
    // Okta's connector passes these operations through as they are, so the core engine is the oracle; Entra's
    // would coerce the "False" strings the generator sends (that is tested in the quirks tests).
    scim = gateway.newConnection("okta").scim();
  }

  @Test
  void storedDocumentIsAlwaysTheEnginesOrUnchanged() {
    Random random = new Random(SEED);
    String id = scim.post("/Users", Fixtures.entraUser("property@contoso.com", "ext-prop")).json().get("id").asText();
    int accepted = 0;
    for (int run = 0; run < RUNS; run++) {
      List<String> operations = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        operations.add(OPERATIONS.get(random.nextInt(OPERATIONS.size())).apply(random));
      }
      ObjectNode before = stored(scim.get("/Users/" + id).json());
      String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
          + String.join(",", operations) + "]}";
      ObjectNode expected;
      ScimException refusal = null;
      try {
        expected = PatchEngine.apply(CoreSchemas.USER_TYPE, before, PatchRequest.parse(ScimJson.parse(body))).doc();
      } catch (ScimException e) {
        expected = before;
        refusal = e;
      }
      Reply reply = scim.patch("/Users/" + id, body);
      ObjectNode after = stored(scim.get("/Users/" + id).json());
      String context = "run " + run + " (seed " + SEED + "): " + body;
      if (refusal != null) {
        assertThat(reply.status()).as(context).isEqualTo(refusal.status());
        assertThat(reply.json().path("scimType").asText(null)).as(context).isEqualTo(refusal.scimType());
      } else {
        assertThat(reply.status()).as(context + " -> " + reply).isEqualTo(200);
        accepted++;
        if (!expected.has("active")) {
          expected.set("active", before.get("active")); // absent active keeps the stored value
        }
      }
      assertThat(after).as(context).isEqualTo(expected);
    }
    assertThat(accepted).as("the generator produces both outcomes").isBetween(RUNS / 10, RUNS - RUNS / 10);
  }

  /** The stored form of a rendered resource: without the server-assigned id and meta. */
  private static ObjectNode stored(JsonNode rendered) {
    ObjectNode copy = (ObjectNode) rendered.deepCopy();
    copy.remove("id");
    copy.remove("meta");
    return copy;
  }

  private static String word(Random random) {
    return "w" + Integer.toString(random.nextInt(1_000_000), 36);
  }
}
