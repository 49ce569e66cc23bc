package io.scimgate.app.support;

/** A tenant's SCIM connection as an IdP holds it: ids, the bearer token, a client on its base URL. */
public record ScimClient(String tenantId, String connectionId, String token, Http scim) {}
