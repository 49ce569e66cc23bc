package io.scimgate.benchmarks.load;

/**
 * The body of Okta's {@code POST /Users} (docs/idp-behaviour.md P13) with the enterprise extension, about 1 KB: what
 * the okta-import workload sends, and what the pgbench reference stores as the document of each user it creates.
 */
public final class OktaCreatePayload {
  private OktaCreatePayload() {}

  /** {@code n} numbers the user's externalId, employeeNumber and names. */
  public static String json(String userName, long n) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
        + "\"userName\":\"" + userName + "\",\"externalId\":\"00u" + n + "\",\"active\":true,"
        + "\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User " + n + "\",\"formatted\":\"Bench User " + n + "\"},"
        + "\"displayName\":\"Bench User " + n + "\",\"locale\":\"en-US\",\"title\":\"Engineer\","
        + "\"emails\":[{\"primary\":true,\"value\":\"" + userName + "\",\"type\":\"work\"},"
        + "{\"value\":\"home" + n + "@example.org\",\"type\":\"home\"}],"
        + "\"phoneNumbers\":[{\"value\":\"+1 555 0100\",\"type\":\"work\"}],"
        + "\"addresses\":[{\"type\":\"work\",\"streetAddress\":\"100 Universal City Plaza\",\"locality\":\"Hollywood\","
        + "\"region\":\"CA\",\"postalCode\":\"91608\",\"country\":\"US\"}],"
        + "\"groups\":[],\"password\":\"1mz050nq\","
        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"" + n + "\","
        + "\"costCenter\":\"4130\",\"organization\":\"Universal Studios\",\"division\":\"Theme Park\","
        + "\"department\":\"Tour Operations\"}}";
  }
}
