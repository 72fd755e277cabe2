package io.camlistore.camel;

import io.camlistore.client.Connection;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;

/** The query consumer's scenarios against a real Perkeep server. */
@RealPerkeep
class QueryConsumerRealPerkeepIT extends QueryConsumerScenarios {
  private final RealPerkeepServer server;

  QueryConsumerRealPerkeepIT(RealPerkeepServer server) {
    this.server = server;
  }

  @Override
  Connection openConnection() {
    return server.connect();
  }
}
