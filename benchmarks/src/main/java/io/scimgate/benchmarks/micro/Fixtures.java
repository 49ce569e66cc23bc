package io.scimgate.benchmarks.micro;

import java.util.Map;

/**
 * The inputs of the micro-benchmarks, shaped like what IdPs send (docs/idp-behaviour.md): the filters Okta and
 * Entra put before every write, Entra's multi-attribute PATCH, Okta's deactivation and a 1 KB Okta user, and
 * the raw vendor payloads the connectors normalise (Entra's two PATCH dialects and filters, Okta's group rename,
 * a OneLogin template user, a custom client's user with a mapped extension attribute).
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

  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /**
   * Entra without the compliance flag, as its {@code Operations} array: a user disabled in the same sync cycle
   * that changed its name, work e-mail and employee number. One capitalised {@code Replace} per path (E1, E3),
   * {@code active} as the string {@code "False"} (P1, E2), a value-filtered path (P6) and a URN path.
   */
  static final String ENTRA_OPERATIONS = "["
      + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
      + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
      + "\"value\":\"updatedEmail@microsoft.com\"},"
      + "{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Kkom\"},"
      + "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\"Aklq\"}]";

  /** Entra with the compliance flag (P2): the same kind of change as one path-less replace, dotted and URN keys. */
  static final String ENTRA_PATHLESS_OPERATIONS = "[{\"op\":\"replace\",\"value\":{\"displayName\":\"Bjfe\","
      + "\"name.givenName\":\"Kkom\",\"" + ENTERPRISE + ":employeeNumber\":\"Aklq\"}}]";

  /** The lookup Entra makes before every write since early 2026 (E10): nothing to rewrite, every pass runs. */
  static final String ENTRA_EXTERNAL_ID_FILTER = "externalId eq \"3f0e5a1c-8d4b-4c6e-9a2f-1b7d6e0c9a84\"";

  /** A PATCH path used as a filter, as Microsoft's SCIM tutorial writes it: the connector gives it the RFC form. */
  static final String ENTRA_EMAIL_FILTER = "emails[type eq \"work\"].value eq \"updatedEmail@microsoft.com\"";

  /** Okta's group rename (P10, O8): path-less, with the immutable {@code id}; sent with every membership change. */
  static final String OKTA_GROUP_RENAME = "[{\"op\":\"replace\",\"value\":{"
      + "\"id\":\"abf4dd94-a4c0-4f67-89c9-76b03340cb9b\",\"displayName\":\"Test SCIMv2\"}}]";

  /**
   * A OneLogin "SCIM Provisioner" user from an admin's JSON template (N1-N3): SCIM 1.1 URNs on a 2.0 endpoint,
   * empty strings and unexpanded placeholders for unset values, {@code primary} as a string.
   */
  static final String ONELOGIN_USER = "{\"schemas\":[\"urn:scim:schemas:core:1.0\","
      + "\"urn:scim:schemas:extension:enterprise:1.0\"],"
      + "\"userName\":\"jdoe@example.com\",\"externalId\":\"\",\"displayName\":\"Jane Doe\","
      + "\"title\":\"{$user.title}\",\"active\":true,"
      + "\"name\":{\"givenName\":\"Jane\",\"familyName\":\"Doe\",\"middleName\":\"{$user.middlename}\"},"
      + "\"emails\":[{\"value\":\"jdoe@example.com\",\"type\":\"work\",\"primary\":\"true\"},"
      + "{\"value\":\"\",\"type\":\"home\"}],"
      + "\"phoneNumbers\":[{\"value\":\"+1 555 0100\",\"type\":\"work\"},"
      + "{\"value\":\"{$user.phone}\",\"type\":\"mobile\"}],"
      + "\"urn:scim:schemas:extension:enterprise:1.0\":{\"department\":\"Finance\",\"employeeNumber\":\"\","
      + "\"costCenter\":\"4130\",\"organization\":\"Universal Studios\","
      + "\"manager\":{\"value\":\"{$parameters.external_manager_id}\"}}}";

  /** The custom extension of a "Custom SCIM" HR client, whose {@code dept} the admin mapped to the enterprise one. */
  static final String ACME_HR = "urn:acme:params:scim:schemas:extension:hr:2.0:User";

  /** That client's user: core attributes, {@code active} as a string, the department in its own extension. */
  static final String CUSTOM_USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ACME_HR
      + "\"],\"userName\":\"hr-4711@example.com\",\"externalId\":\"4711\",\"active\":\"true\","
      + "\"name\":{\"givenName\":\"Jane\",\"familyName\":\"Doe\"},\"displayName\":\"Jane Doe\","
      + "\"emails\":[{\"value\":\"jdoe@example.com\",\"type\":\"work\",\"primary\":true}],"
      + "\"title\":null,\"" + ACME_HR + "\":{\"dept\":\"Payroll\",\"site\":\"Berlin\"}}";

  private Fixtures() {}
}
