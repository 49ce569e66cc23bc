package com.example.scim.jumpcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.tck.IdpConnectorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SDK's contract suite, plus this connector's own rule. */
class JumpCloudConnectorTest extends IdpConnectorContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected IdpConnector connector() {
    return new JumpCloudConnector();
  }

  @Override
  protected List<ArrayNode> vendorGroupPatches() {
    return List.of(array("[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]}]"));
  }

  @Test
  void memberRemovalByValueBecomesOneFilteredRemovalPerMember() {
    ArrayNode normalized = connector().normalizePatch(ResourceKind.GROUP, vendorGroupPatches().get(0),
        ConnectionSettings.of("c1", "JumpCloud SCIM - "));
    assertThat(normalized).hasSize(2);
    assertThat(normalized.get(0).get("path").asText()).isEqualTo("members[value eq \"u1\"]");
    assertThat(normalized.get(1).get("path").asText()).isEqualTo("members[value eq \"u2\"]");
  }

  private static ArrayNode array(String json) {
    try {
      return (ArrayNode) JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
