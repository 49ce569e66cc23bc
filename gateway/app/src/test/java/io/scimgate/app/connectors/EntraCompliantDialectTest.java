package io.scimgate.app.connectors;

/** Entra's payloads on a tenant URL with {@code ?aadOptscim062020}, the compliant PATCH behaviour. */
class EntraCompliantDialectTest extends EntraQuirks {
  @Override
  boolean flagged() {
    return true;
  }
}
