package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.config.ConfigLoader;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /Bulk (RFC 7644 §3.7): bulkId chains, failOnErrors, circular references, limits. */
class BulkTest {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create().withEnv(Map.of(
      ConfigLoader.BULK_MAX_OPERATIONS, "5", ConfigLoader.MAX_BODY_BYTES, "16384"));
  private static Http scim;

  @BeforeAll
  static void setUp() {
    scim = gateway.newConnection("custom").scim();
  }

  @Test
  void aGroupCanReferenceAUserCreatedLaterInTheSameRequest() {
    JsonNode response = bulk(null,
        "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"ytrewq\",\"data\":{\"displayName\":\"Tour Guides\","
            + "\"members\":[{\"type\":\"User\",\"value\":\"bulkId:qwerty\"}]}}",
        "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"qwerty\",\"data\":{\"userName\":\"Alice\"}}",
        "{\"method\":\"PATCH\",\"path\":\"/Users/bulkId:qwerty\",\"data\":{\"Operations\":[{\"op\":\"replace\","
            + "\"value\":{\"active\":false}}]}}");
    JsonNode operations = response.get("Operations");
    assertThat(operations).hasSize(3);
    assertThat(operations.get(0).get("status").asText()).isEqualTo("201");
    assertThat(operations.get(0).get("bulkId").asText()).isEqualTo("ytrewq");
    assertThat(operations.get(1).get("status").asText()).isEqualTo("201");
    assertThat(operations.get(2).get("status").asText()).isEqualTo("200");
    assertThat(operations.get(2).get("version").asText()).isEqualTo("W/\"2\"");

    String userLocation = operations.get(1).get("location").asText();
    String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);
    String groupLocation = operations.get(0).get("location").asText();
    JsonNode group = scim.get(groupLocation.substring(scim.baseUrl().length())).json();
    assertThat(group.get("members").get(0).get("value").asText()).isEqualTo(userId);
    assertThat(scim.get("/Users/" + userId).json().get("active").asBoolean()).isFalse();
  }

  @Test
  void errorsAreReportedPerOperationAndFailOnErrorsStops() {
    JsonNode all = bulk(null,
        "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"bob\"}}",
        "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b\",\"data\":{\"userName\":\"BOB\"}}",
        "{\"method\":\"PUT\",\"path\":\"/Users/00000000-0000-0000-0000-000000000000\",\"data\":{\"userName\":\"x\"}}",
        "{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:a\",\"version\":\"W/\\\"9\\\"\"}",
        "{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:a\"}");
    assertThat(statuses(all)).containsExactly("201", "409", "404", "412", "204");
    assertThat(all.get("Operations").get(1).get("response").get("scimType").asText()).isEqualTo("uniqueness");

    JsonNode stopped = bulk(1,
        "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"c\",\"data\":{\"active\":true}}",
        "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"d\",\"data\":{\"userName\":\"never.created\"}}");
    assertThat(statuses(stopped)).containsExactly("400");
    assertThat(scim.get("/Users?filter=userName%20eq%20%22never.created%22").json().get("totalResults").asInt())
        .isZero();
  }

  @Test
  void circularAndFailedReferencesAre409AndCreateNothingThatDependsOnThem() throws Exception {
    String before = gateway.sql("SELECT count(*) FROM scim_groups");
    JsonNode circular = bulk(null,
        "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g1\",\"data\":{\"displayName\":\"One\","
            + "\"members\":[{\"value\":\"bulkId:g2\"}]}}",
        "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g2\",\"data\":{\"displayName\":\"Two\","
            + "\"members\":[{\"value\":\"bulkId:g1\"}]}}");
    assertThat(statuses(circular)).containsExactly("409", "409");
    assertThat(gateway.sql("SELECT count(*) FROM scim_groups")).isEqualTo(before);

    JsonNode dependent = bulk(null,
        "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"bad\",\"data\":{\"userName\":42}}",
        "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g3\",\"data\":{\"displayName\":\"Three\","
            + "\"members\":[{\"value\":\"bulkId:bad\"}]}}");
    assertThat(statuses(dependent)).containsExactly("400", "409");
  }

  @Test
  void limitsAreEnforcedAndAdvertised() {
    List<String> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u" + i + "\",\"data\":{\"userName\":\"u" + i
          + "\"}}");
    }
    assertScimError(scim.post("/Bulk", body(null, six.toArray(String[]::new))), 413, null);
    String big = "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"big\",\"data\":{\"userName\":\"big\","
        + "\"title\":\"" + "x".repeat(20_000) + "\"}}";
    assertScimError(scim.post("/Bulk", body(null, big)), 413, null);
    assertScimError(scim.post("/Bulk", body(null, "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{}}")), 400,
        "invalidValue");

    JsonNode bulk = scim.get("/ServiceProviderConfig").json().get("bulk");
    assertThat(bulk.get("supported").asBoolean()).isTrue();
    assertThat(bulk.get("maxOperations").asInt()).isEqualTo(5);
    assertThat(bulk.get("maxPayloadSize").asInt()).isEqualTo(16384);
  }

  private static JsonNode bulk(Integer failOnErrors, String... operations) {
    Reply reply = scim.post("/Bulk", body(failOnErrors, operations));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
    return reply.json();
  }

  private static String body(Integer failOnErrors, String... operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
        + (failOnErrors == null ? "" : "\"failOnErrors\":" + failOnErrors + ",")
        + "\"Operations\":[" + String.join(",", operations) + "]}";
  }

  private static List<String> statuses(JsonNode response) {
    List<String> statuses = new ArrayList<>();
    response.get("Operations").forEach(operation -> statuses.add(operation.get("status").asText()));
    return statuses;
  }
}
