package io.scimgate.connectors.api;

/**
 * What the gateway knows about one identity provider's SCIM dialect. One instance serves every connection of
 * that vendor, concurrently, on the event loop.
 *
 * <p>Contract: implementations are pure (no I/O, no clocks, no shared mutable state), thread-safe and
 * non-blocking. Bad input is reported only by throwing {@link ScimException}.
 *
 * <p>This first version carries identity and naming; payload normalisation hooks (users, groups, PATCH
 * operations, filters) join it with the connector plugins.
 */
public interface IdpConnector {

  /** Stable id stored with each connection, lower-case with dashes: {@code okta}, {@code azure-ad}. */
  String id();

  /** Name shown to admins: {@code Okta}, {@code Microsoft Entra ID (Azure AD)}. */
  String displayName();

  /**
   * Prefix of the product-side name of this vendor's groups, including its separator: {@code "Okta SCIM - "}.
   * SCIM responses keep the IdP's own displayName; only the product shows the prefixed name.
   */
  String defaultGroupPrefix();
}
