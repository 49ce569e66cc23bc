package io.scimgate.app.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook set-up shared by the webhook tests. */
public final class Webhooks {
  public static final String SECRET = "whsec-0123456789abcdef";

  private Webhooks() {}

  /** A new tenant with an Okta connection whose webhook goes to {@code url} (signed with {@link #SECRET}). */
  public static ScimClient tenantHookedTo(TestGateway gateway, String url) {
    ScimClient okta = gateway.newConnection("okta");
    Reply put = gateway.admin().put("/admin/v1/tenants/" + okta.tenantId() + "/webhook",
        "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}");
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    return okta;
  }
}
