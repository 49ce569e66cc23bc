package io.scimgate.app.connectors;

/** Entra's payloads on a tenant URL without the compliance flag (and on-demand provisioning, which ignores it). */
class EntraLegacyDialectTest extends EntraQuirks {
  @Override
  boolean flagged() {
    return false;
  }
}
