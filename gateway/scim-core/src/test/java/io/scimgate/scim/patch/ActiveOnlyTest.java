package io.scimgate.scim.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.schema.CoreSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which user PATCHes only set {@code active} (and may skip the read and the engine), as IdPs send them. */
class ActiveOnlyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // Okta's path-less deactivation and reactivation
      "[{'op':'replace','value':{'active':false}}] | false",
      "[{'op':'replace','value':{'active':true}}] | true",
      // Entra's, once its connector turned "False" into a boolean; any case of op and path
      "[{'op':'Replace','path':'active','value':false}] | false",
      "[{'op':'add','path':'Active','value':true}] | true",
      "[{'op':'replace','path':'active','value':true},{'op':'replace','path':'active','value':false}] | false",
      // anything else goes through the engine
      "[{'op':'replace','path':'active','value':'False'}] | ",
      "[{'op':'remove','path':'active'}] | ",
      "[{'op':'replace','value':{'active':false,'displayName':'x'}}] | ",
      "[{'op':'replace','path':'active','value':false},{'op':'replace','path':'displayName','value':'x'}] | ",
      "[{'op':'replace','path':'displayName','value':'x'}] | ",
      "[{'op':'replace','path':'emails[primary eq true].value','value':'a@b.c'}] | ",
  })
  void activeOnly(String operations, Boolean expected) {
    String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
        + operations.replace('\'', '"') + "}";
    assertThat(PatchEngine.activeOnly(CoreSchemas.USER_TYPE, PatchRequest.parse(ScimJson.parse(body))))
        .isEqualTo(expected);
  }
}
