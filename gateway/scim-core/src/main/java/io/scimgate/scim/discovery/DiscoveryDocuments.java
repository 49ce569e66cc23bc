package io.scimgate.scim.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.InputLimits;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;
import java.util.List;

/** The discovery documents of RFC 7644 §4: ServiceProviderConfig, ResourceTypes and Schemas. */
public final class DiscoveryDocuments {
  public static final String SPC_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  private DiscoveryDocuments() {}

  /**
   * The ServiceProviderConfig (RFC 7643 §5). {@code withPagination}: with RFC 9865's {@code pagination}
   * attribute, which clients that know only RFC 7643 may refuse (UnboundID's SCIM 2 SDK 4.x refuses the whole
   * document: "Core attribute pagination is undefined").
   */
  public static ObjectNode serviceProviderConfig(Capabilities caps, boolean withPagination, String baseUrl) {
    ObjectNode doc = ScimJson.object();
    doc.putArray("schemas").add(SPC_URN);
    doc.put("documentationUri", "https://github.com/scimgate/scimgate#readme");
    doc.putObject("patch").put("supported", caps.patch());
    doc.putObject("bulk").put("supported", caps.bulk()).put("maxOperations", caps.bulkMaxOperations())
        .put("maxPayloadSize", caps.bulkMaxPayloadSize());
    doc.putObject("filter").put("supported", caps.filter()).put("maxResults", caps.filterMaxResults());
    doc.putObject("changePassword").put("supported", caps.changePassword());
    doc.putObject("sort").put("supported", caps.sort());
    doc.putObject("etag").put("supported", caps.etag());
    if (withPagination) {
      // RFC 9865: cursors are stateless and signed, so they never time out (no cursorTimeout)
      doc.putObject("pagination").put("cursor", true).put("index", true).put("defaultPaginationMethod", "index")
          .put("defaultPageSize", caps.defaultPageSize()).put("maxPageSize", caps.filterMaxResults());
    }
    ObjectNode scheme = doc.putArray("authenticationSchemes").addObject();
    scheme.put("type", "oauthbearertoken");
    scheme.put("name", "OAuth Bearer Token");
    scheme.put("description", "The per-connection bearer token shown once when the connection is created.");
    scheme.put("primary", true);
    meta(doc, "ServiceProviderConfig", baseUrl + "/ServiceProviderConfig");
    return doc;
  }

  public static ObjectNode resourceType(ResourceType type, String baseUrl) {
    ObjectNode doc = ScimJson.object();
    doc.putArray("schemas").add(RESOURCE_TYPE_URN);
    doc.put("id", type.name());
    doc.put("name", type.name());
    doc.put("endpoint", type.endpoint());
    doc.put("description", type.description());
    doc.put("schema", type.schema().id());
    ArrayNode extensions = doc.putArray("schemaExtensions");
    for (Schema extension : type.extensions()) {
      extensions.addObject().put("schema", extension.id()).put("required", false);
    }
    meta(doc, "ResourceType", baseUrl + "/ResourceTypes/" + type.name());
    return doc;
  }

  public static ObjectNode schema(Schema schema, String baseUrl) {
    ObjectNode doc = ScimJson.object();
    doc.putArray("schemas").add(SCHEMA_URN);
    doc.put("id", schema.id());
    doc.put("name", schema.name());
    doc.put("description", schema.description());
    // limits are looked up by the attribute's path within its schema: extension attributes share the text limit
    doc.set("attributes", attributes(schema.attributes(), ""));
    meta(doc, "Schema", baseUrl + "/Schemas/" + schema.id());
    return doc;
  }

  private static ArrayNode attributes(List<AttributeDefinition> definitions, String parentPath) {
    ArrayNode array = ScimJson.MAPPER.createArrayNode();
    for (AttributeDefinition definition : definitions) {
      String path = parentPath + definition.name();
      ObjectNode attribute = array.addObject();
      attribute.put("name", definition.name());
      attribute.put("type", definition.type().scimName());
      attribute.put("multiValued", definition.multiValued());
      attribute.put("description", definition.description() + InputLimits.describe(definition, path));
      attribute.put("required", definition.required());
      attribute.put("caseExact", definition.caseExact());
      attribute.put("mutability", definition.mutability().scimName());
      attribute.put("returned", definition.returned().scimName());
      attribute.put("uniqueness", definition.uniqueness().scimName());
      if (!definition.canonicalValues().isEmpty()) {
        ArrayNode values = attribute.putArray("canonicalValues");
        definition.canonicalValues().forEach(values::add);
      }
      if (!definition.referenceTypes().isEmpty()) {
        ArrayNode types = attribute.putArray("referenceTypes");
        definition.referenceTypes().forEach(types::add);
      }
      if (!definition.subAttributes().isEmpty()) {
        attribute.set("subAttributes", attributes(definition.subAttributes(), path + "."));
      }
    }
    return array;
  }

  private static void meta(ObjectNode doc, String resourceType, String location) {
    doc.putObject("meta").put("resourceType", resourceType).put("location", location);
  }
}
