package io.scimgate.plugins.azuread;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.tck.IdpConnectorContract;
import java.io.UncheckedIOException;
import java.util.List;

/** The TCK on Entra's payloads from docs/idp-behaviour.md (both PATCH dialects). */
class AzureAdConnectorContractTest extends IdpConnectorContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected IdpConnector connector() {
    return new AzureAdConnector();
  }

  @Override
  protected List<ObjectNode> vendorUsers() {
    return List.of(object("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
         "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee@contoso.com",
         "active":"True","addresses":null,"displayName":null,"roles":[],"meta":{"resourceType":"User"},
         "emails":[{"primary":"True","type":"work","value":"Test_User_fd0ea19b@contoso.com"}],
         "name":{"familyName":"familyName","givenName":"givenName"},
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":null,"manager":"271"}}"""),
        object("""
        {"userName":"emp1","active":"True","roles":[{"primary":"False","type":"WindowsAzureActiveDirectoryRole",
         "value":"{\\"id\\":\\"827f0d2e-be15-4d8f-a8e3-f8697239c112\\",\\"value\\":\\"DocumentMgmt-Admin\\",\\"displayName\\":\\"DocumentMgmt Admin\\"}"}]}"""));
  }

  @Override
  protected List<ObjectNode> vendorGroups() {
    return List.of(object("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                    "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
         "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName","meta":{"resourceType":"Group"},
         "members":[]}"""));
  }

  @Override
  protected List<ArrayNode> vendorUserPatches() {
    return List.of(array("""
        [{"op":"Replace","path":"active","value":"False"}]"""), array("""
        [{"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}]"""), array("""
        [{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"},
         {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"7"}]"""),
        array("""
        [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"271"}]"""),
        array("""
        [{"op":"Add","path":"manager","value":[{"$ref":null,"value":"271"}]}]"""), array("""
        [{"op":"Add","path":"roles","value":[{"value":"{\\"id\\":\\"827f\\",\\"value\\":\\"DocumentMgmt-Admin\\",\\"displayName\\":\\"Admin\\"}"}]}]"""),
        array("""
        [{"op":"Add","path":"roles[primary eq \\"True\\"].value","value":"Admin"}]"""));
  }

  @Override
  protected List<ArrayNode> vendorGroupPatches() {
    return List.of(array("""
        [{"op":"Remove","path":"members","value":[{"value":"u1091"}]}]"""), array("""
        [{"op":"remove","path":"members[value eq \\"7f4bc1a3-285e-48ae-8202-5accb43efb0e\\"]"}]"""), array("""
        [{"op":"Add","path":"members","value":[{"$ref":null,"value":"f648f8d5ea4e4cd38e9c"}]}]"""), array("""
        [{"op":"Replace","path":"displayName","value":"1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"}]"""));
  }

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArrayNode array(String json) {
    try {
      return (ArrayNode) JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
