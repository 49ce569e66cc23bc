package io.scimgate.app.auth;

import java.util.UUID;

/** Who is calling the admin API: an operator sees every tenant, a company admin one. */
public sealed interface AdminPrincipal {

  String subject();

  /** The actor of audit rows this caller writes. */
  String actor();

  /** Whether this caller may see the tenant (anything else is answered as if it did not exist). */
  boolean mayAccess(UUID tenantId);

  /** The tenant this caller is limited to, or {@code null} for an operator. */
  UUID tenantId();

  /** The product's staff: every tenant, and the operator-only routes (tenants, SCIM switch, portal links). */
  record Operator(String subject) implements AdminPrincipal {
    @Override
    public String actor() {
      return "admin:" + subject;
    }

    @Override
    public boolean mayAccess(UUID tenantId) {
      return true;
    }

    @Override
    public UUID tenantId() {
      return null;
    }
  }

  /** A company's admin (portal session or tenant-scoped token): one tenant, never the operator-only routes. */
  record TenantAdmin(UUID tenantId, String subject) implements AdminPrincipal {
    @Override
    public String actor() {
      return "tenant-admin:" + subject;
    }

    @Override
    public boolean mayAccess(UUID tenant) {
      return tenantId.equals(tenant);
    }
  }
}
