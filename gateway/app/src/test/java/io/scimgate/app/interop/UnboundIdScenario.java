package io.scimgate.app.interop;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

/**
 * What an application built on UnboundID's SCIM 2 SDK does with a service provider: read
 * {@code /ServiceProviderConfig}, create a user, read it back, find it by {@code userName}, PATCH it. Written
 * against the part of the SDK's API that 4.x and 5.x share, and run against both: the test calls it from the
 * test classpath (5.x) and from an {@link IsolatedClient} whose {@code com.unboundid} classes are 4.x. Only JDK
 * types cross between the two (the strings in, the map out), so the same bytecode links against either version.
 */
public final class UnboundIdScenario {
  private UnboundIdScenario() {}

  /** Runs the scenario; what the client saw, by step. A refusal by the SDK is thrown as the SDK threw it. */
  public static Map<String, String> run(String baseUrl, String token, String userName) throws Exception {
    Client client = client();
    try {
      ScimService scim = new ScimService(client.target(baseUrl).register(new BearerToken(token)));
      Map<String, String> seen = new LinkedHashMap<>();
      ServiceProviderConfigResource config = scim.getServiceProviderConfig();
      seen.put("patchSupported", Boolean.toString(config.getPatch().isSupported()));

      UserResource user = new UserResource().setUserName(userName)
          .setName(new Name().setGivenName("Barbara").setFamilyName("Jensen"))
          .setEmails(List.of(new Email().setValue(userName).setType("work").setPrimary(true)));
      UserResource created = scim.create("Users", user);
      seen.put("createdId", created.getId());

      seen.put("readUserName", scim.retrieve("Users", created.getId(), UserResource.class).getUserName());

      ListResponse<UserResource> found = scim.searchRequest("Users")
          .filter(Filter.eq("userName", userName).toString()).invoke(UserResource.class);
      seen.put("searchTotal", Integer.toString(found.getTotalResults()));
      seen.put("searchFirstId", found.getResources().get(0).getId());

      UserResource patched = scim.modifyRequest("Users", created.getId()).replaceValue("title", "Engineer")
          .invoke(UserResource.class);
      seen.put("patchedTitle", patched.getTitle());
      return seen;
    } finally {
      client.close();
    }
  }

  /** Jersey on java.net.http: its default connector cannot send PATCH on Java 17. */
  static Client client() {
    return ClientBuilder.newClient(new ClientConfig().connectorProvider(new JavaNetHttpConnectorProvider()));
  }

  /** The connection's bearer token on every request. */
  static final class BearerToken implements ClientRequestFilter {
    private final String token;

    BearerToken(String token) {
      this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
      request.getHeaders().putSingle("Authorization", "Bearer " + token);
    }
  }
}
