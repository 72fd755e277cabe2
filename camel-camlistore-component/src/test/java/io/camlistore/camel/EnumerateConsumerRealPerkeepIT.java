package io.camlistore.camel;

import io.camlistore.client.Connection;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;

/** The enumerate consumer's scenarios against a real Perkeep server. */
@RealPerkeep
class EnumerateConsumerRealPerkeepIT extends EnumerateConsumerScenarios {
  private final RealPerkeepServer server;

  EnumerateConsumerRealPerkeepIT(RealPerkeepServer server) {
    this.server = server;
  }

  @Override
  Connection openConnection() {
    return server.connect();
  }
}
