package io.scimgate.plugins.custom;

import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.tck.IdpConnectorContract;

class CustomScimConnectorContractTest extends IdpConnectorContract {
  @Override
  protected IdpConnector connector() {
    return new CustomScimConnector();
  }
}
