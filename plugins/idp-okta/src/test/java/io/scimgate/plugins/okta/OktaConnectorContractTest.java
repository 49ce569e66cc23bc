package io.scimgate.plugins.okta;

import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.tck.IdpConnectorContract;

class OktaConnectorContractTest extends IdpConnectorContract {
  @Override
  protected IdpConnector connector() {
    return new OktaConnector();
  }
}
