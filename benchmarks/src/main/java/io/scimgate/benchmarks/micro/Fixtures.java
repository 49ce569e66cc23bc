package io.scimgate.benchmarks.micro;

import java.util.Map;

/**
 * The inputs of the micro-benchmarks, shaped like what IdPs send (shared/IDP-QUIRKS.md): the filters Okta and
 * Entra put before every write, Entra's multi-attribute PATCH, Okta's deactivation and a 1 KB Okta user.
 */
final class Fixtures {
  /** Keyed by a short name so that JMH's {@code @Param} and the report stay readable. */
  static final Map<String, String> FILTERS = Map.of(
      "userName", "userName eq \"jdoe@example.com\"",
      "externalId", "externalId eq \"3f0e5a1c-8d4b-4c6e-9a2f-1b7d6e0c9a84\"",
      "complex", "emails[type eq \"work\" and value co \"@example.com\"] or (title pr and active eq true)");

  /** About 1 KB: Okta's create payload (P13) with the enterprise extension, as the load generator posts it. */
  static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
      + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
      + "\"userName\":\"jdoe@example.com\",\"externalId\":\"00u1f2g3h4j5k6l7m8n9\",\"active\":true,"
      + "\"name\":{\"givenName\":\"Jane\",\"familyName\":\"Doe\",\"formatted\":\"Jane Doe\"},"
      + "\"displayName\":\"Jane Doe\",\"locale\":\"en-US\",\"title\":\"Engineer\","
      + "\"emails\":[{\"primary\":true,\"value\":\"jdoe@example.com\",\"type\":\"work\"},"
      + "{\"value\":\"jane@example.org\",\"type\":\"home\"}],"
      + "\"phoneNumbers\":[{\"value\":\"+1 555 0100\",\"type\":\"work\"}],"
      + "\"addresses\":[{\"type\":\"work\",\"streetAddress\":\"100 Universal City Plaza\",\"locality\":\"Hollywood\","
      + "\"region\":\"CA\",\"postalCode\":\"91608\",\"country\":\"US\"}],"
      + "\"groups\":[],\"password\":\"1mz050nq\","
      + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"701984\","
      + "\"costCenter\":\"4130\",\"organization\":\"Universal Studios\",\"division\":\"Theme Park\","
      + "\"department\":\"Tour Operations\",\"manager\":{\"value\":\"26118915-6090-4610-87e4-49d8ca9f808d\"}}}";

  /** Entra without the compliance flag (E3): one capitalised {@code Replace} per path. */
  static final String ENTRA_PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
      + "\"Operations\":["
      + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Jane Q. Doe\"},"
      + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Doe-Smith\"},"
      + "{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Senior Engineer\"},"
      + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"jane.doe@contoso.example\"},"
      + "{\"op\":\"Replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber\","
      + "\"value\":\"701985\"}]}";

  /** Okta's deactivation (P9): a path-less replace. */
  static final String OKTA_DEACTIVATE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
      + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";

  private Fixtures() {}
}
