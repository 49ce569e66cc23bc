package io.scimgate.app.support;

/** Request bodies shaped like the ones IdPs send (see docs/idp-behaviour.md). */
public final class Fixtures {
  private Fixtures() {}

  /** Okta's create payload (P13): externalId, groups [], password, active. */
  public static String oktaUser(String userName) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
         "userName":"%s",
         "name":{"givenName":"Test","familyName":"User"},
         "emails":[{"primary":true,"value":"%s","type":"work"}],
         "displayName":"Test User",
         "locale":"en-US",
         "externalId":"00ujl29u0le5T6Aj10h7",
         "groups":[],
         "password":"1mz050nq",
         "active":true}""".formatted(userName, userName);
  }

  /** Entra's create payload (E13) with the enterprise extension, meta on input and nulls. */
  public static String entraUser(String userName, String externalId) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"%s",
         "userName":"%s",
         "active":true,
         "addresses":null,
         "displayName":"Jane Doe",
         "emails":[{"primary":true,"type":"work","value":"%s"}],
         "meta":{"resourceType":"User"},
         "name":{"familyName":"Doe","givenName":"Jane"},
         "roles":[],
         "title":"Engineer",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D","employeeNumber":"42","manager":null}}
        """.formatted(externalId, userName, userName);
  }

  public static String group(String displayName, String... memberIds) {
    StringBuilder members = new StringBuilder();
    for (String id : memberIds) {
      members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[%s]}"""
        .formatted(displayName, members);
  }
}
