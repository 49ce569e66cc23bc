package io.scimgate.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SDK's rewrite helpers, table-driven. */
class RewritesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'active':'True','emails':[{'primary':'FALSE','value':'True'}]} | {'active':true,'emails':[{'primary':false,'value':'True'}]}",
      "{'active':'yes'} | {'active':'yes'}",
      "{'a':null,'b':[null,{'c':null,'d':1}]} | {'b':[{'d':1}]}"})
  void resourceRewrites(String input, String expected) throws Exception {
    JsonNode node = json(input);
    Rewrites.removeNulls(node);
    Rewrites.coerceBooleanStrings(node, Rewrites.BOOLEAN_ATTRIBUTES);
    assertThat(node).isEqualTo(json(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"emails[type eq \"work\"].primary | primary", "active | active",
      "urn:x:User:manager | manager", "members[value eq \"x\"] | members", "x] | ''", "]a[ | a[", "a]b[c] | b"})
  void lastAttributeOfAnyPathIsANameNeverAnException(String path, String expected) {
    assertThat(Rewrites.lastAttribute(path)).isEqualTo(expected);
  }

  @Test
  void blankStringsGoAndObjectsTheyEmptiedToo() throws Exception {
    JsonNode node = json("{'a':'','name':{'givenName':' '},'members':[],'emails':[{'value':''}],'keep':'x'}");
    Rewrites.removeBlankStrings(node);
    assertThat(node).isEqualTo(json("{'members':[],'keep':'x'}"));
  }

  @Test
  void patchOpsAndBooleanPaths() throws Exception {
    ArrayNode ops = (ArrayNode) json("[{'op':'Replace','path':'active','value':'False'},"
        + "{'op':'Delete','path':'emails[type eq \\\"work\\\"].primary','value':'true'},{'op':'add','value':{'active':'TRUE'}}]");
    Rewrites.canonicalOps(ops);
    Rewrites.coerceBooleanStringsInPatch(ops, Rewrites.BOOLEAN_ATTRIBUTES);
    assertThat(ops.get(0).get("op").asText()).isEqualTo("replace");
    assertThat(ops.get(0).get("value").asBoolean(true)).isFalse();
    assertThat(ops.get(1).get("op").asText()).isEqualTo("remove");
    assertThat(ops.get(1).get("value").isBoolean()).isTrue();
    assertThat(ops.get(2).at("/value/active").isBoolean()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "emails[type eq \"work\"].value eq \"a@b\" | emails[type eq \"work\" and value eq \"a@b\"]",
      "emails[type eq \"work\"].value pr | emails[type eq \"work\" and value pr]",
      "userName eq \"x].value eq y\" | userName eq \"x].value eq y\"",
      "emails[type eq \"work\"] | emails[type eq \"work\"]"})
  void subAttributeAfterValueFilter(String input, String expected) {
    assertThat(FilterRewrites.subAttributeAfterValueFilter(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "manager.value eq \"271\" | urn:x:manager.value eq \"271\"",
      "Manager.value eq \"manager.value\" | urn:x:manager.value eq \"manager.value\"",
      "urn:x:manager.value eq \"1\" | urn:x:manager.value eq \"1\"",
      "managerId eq \"1\" | managerId eq \"1\""})
  void qualify(String input, String expected) {
    assertThat(FilterRewrites.qualify(input, "manager", "urn:x:manager")).isEqualTo(expected);
  }

  @Test
  void attributeMappingsMoveValuesInResourcesAndPatches() throws Exception {
    Map<String, String> mappings = Map.of("urn:acme:User:dept", "urn:ent:User:department", "nickName", "title");
    ObjectNode user = (ObjectNode) json("{'schemas':['core'],'nickName':'Boss','urn:acme:User':{'dept':'Ops'}}");
    AttributeMappings.applyToResource(user, mappings);
    assertThat(user.get("title").asText()).isEqualTo("Boss");
    assertThat(user.at("/urn:ent:User/department").asText()).isEqualTo("Ops");
    assertThat(user.get("schemas").toString()).contains("urn:ent:User");
    ArrayNode ops = (ArrayNode) json("[{'op':'replace','path':'urn:acme:User:dept','value':'X'},"
        + "{'op':'replace','value':{'nickName':'N','urn:acme:User:dept':'Y'}}]");
    AttributeMappings.applyToPatch(ops, mappings);
    assertThat(ops.get(0).get("path").asText()).isEqualTo("urn:ent:User:department");
    assertThat(ops.get(1).get("value")).isEqualTo(json("{'title':'N','urn:ent:User:department':'Y'}"));
  }
}
