package io.camlistore.camel;

import io.camlistore.client.Auth;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
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
    return Camlistore.connect(
        server.url(), ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build());
  }
}
