package io.scimgate.connectors.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pf4j.ExtensionPoint;

/**
 * One identity provider's SCIM dialect: turns what that vendor sends into RFC 7643/7644 form before the gateway
 * validates and stores it. A connector is a PF4J extension ({@code @Extension}) in a plugin zip dropped into the
 * gateway's {@code plugins/} directory; one instance serves every connection of its vendor.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Pure.</b> The result depends only on the arguments: no I/O, no clock, no randomness, no shared mutable
 *   state. Arguments are never modified: return the argument itself when nothing applies, or a new node (for
 *   example {@code user.deepCopy()} changed). The TCK checks this.</li>
 *   <li><b>Idempotent.</b> Normalising a normalised payload changes nothing.</li>
 *   <li><b>Thread-safe and non-blocking.</b> Methods run on Vert.x event loops, concurrently, and must return in
 *   microseconds.</li>
 *   <li><b>Errors.</b> Bad input is reported only by throwing {@link ScimException} (status, scimType, detail),
 *   which the gateway sends to the IdP as a SCIM error. Anything else thrown is a connector bug: the request
 *   fails with 500 and the gateway logs it.</li>
 *   <li><b>Leniency lives here.</b> The gateway's core is strict RFC 7643/7644 (with one exception: {@code op} is
 *   matched case-insensitively). Whatever a vendor sends that the RFCs do not allow, its connector rewrites.</li>
 * </ul>
 * Every hook but the identity methods has a default: the normalising ones return their input unchanged.
 */
public interface IdpConnector extends ExtensionPoint {

  /** Stable id stored with each connection, lower-case letters, digits and dashes: {@code okta}, {@code azure-ad}. */
  String id();

  /** Name shown to admins: {@code Okta}, {@code Microsoft Entra ID (Azure AD)}. */
  String displayName();

  /**
   * Prefix of the product-side name of this vendor's groups, including its separator: {@code "Okta SCIM - "}.
   * A connection may override it ({@link ConnectionSettings#groupPrefix()}). SCIM responses always keep the IdP's
   * own displayName (IdPs compare what they pushed with what they read back); only the product shows the prefix.
   */
  String defaultGroupPrefix();

  /**
   * How an admin connects this identity provider: the steps the admin portal shows next to a new connection's
   * SCIM base URL and token (where to paste them in the provider's console, which options to turn on). Plain
   * text, see {@link SetupGuide}. The gateway reads it once, when it loads the plugin; if this method throws or
   * returns {@code null}, it shows {@link SetupGuide#generic(String)} instead and logs a warning.
   *
   * <p>The default is {@link SetupGuide#generic(String) the generic SCIM 2.0 guide} for {@link #displayName()}.
   * Like every hook, it must be pure: the same guide on every call.
   *
   * @since contract 1.1.0
   */
  default SetupGuide setupGuide() {
    return SetupGuide.generic(displayName());
  }

  /**
   * Rewrites the body of {@code POST /Users} or {@code PUT /Users/{id}} (RFC 7643 §4.1) into RFC form.
   *
   * @param user the request body as received, a JSON object
   * @param settings the connection the request arrived on
   * @return the body to validate and store
   */
  default ObjectNode normalizeUser(ObjectNode user, ConnectionSettings settings) {
    return user;
  }

  /** Rewrites the body of {@code POST /Groups} or {@code PUT /Groups/{id}} (RFC 7643 §4.2) into RFC form. */
  default ObjectNode normalizeGroup(ObjectNode group, ConnectionSettings settings) {
    return group;
  }

  /**
   * Rewrites the {@code Operations} array of a PATCH request (RFC 7644 §3.5.2) on a resource of {@code kind}.
   * The result must be an array of RFC operations: {@code op} one of add / remove / replace, {@code path} a
   * valid attribute path or absent, {@code value} of the attribute's JSON type.
   */
  default ArrayNode normalizePatch(ResourceKind kind, ArrayNode operations, ConnectionSettings settings) {
    return operations;
  }

  /** Rewrites the {@code filter} query parameter (RFC 7644 §3.4.2.2) of a query on resources of {@code kind}. */
  default String normalizeFilter(ResourceKind kind, String filter, ConnectionSettings settings) {
    return filter;
  }

  /**
   * The name under which the product shows a group this IdP calls {@code idpDisplayName}: by default the
   * connection's group prefix followed by the IdP's name ({@code "Okta SCIM - Contractors"}). The result must
   * start with {@link ConnectionSettings#groupPrefix()} and end with the IdP's name, so that it can be reversed.
   */
  default String productGroupName(String idpDisplayName, ConnectionSettings settings) {
    return settings.groupPrefix() + idpDisplayName;
  }
}
