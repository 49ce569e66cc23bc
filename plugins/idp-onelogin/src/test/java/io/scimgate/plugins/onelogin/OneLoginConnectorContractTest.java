package io.scimgate.plugins.onelogin;

import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.tck.IdpConnectorContract;

class OneLoginConnectorContractTest extends IdpConnectorContract {
  @Override
  protected IdpConnector connector() {
    return new OneLoginConnector();
  }
}
